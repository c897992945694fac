package ru.otklik.integration.monitoring;

import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import ru.otklik.integration.IntakeRequests;
import ru.otklik.message.MessageIntakeService;
import ru.otklik.message.MessageRequest;
import ru.otklik.message.Registration;
import ru.otklik.organization.OrganizationPolicies;
import ru.otklik.organization.Role;
import ru.otklik.organization.UnknownOrganizationException;
import ru.otklik.security.Staff;
import ru.otklik.web.InvalidFieldException;

import java.io.IOException;

/**
 * Imports an export of a monitoring system (MSG-8): every row goes through the intake of
 * {@code POST /api/messages} — its validation, its deduplication and its transaction with the start of the
 * case — one row at a time, so a bad row costs only itself and a file of any length needs no more memory
 * than one row. The outcome of each row is handed to a {@link Results} as soon as it is known.
 */
@Service
class MonitoringImport {

    private static final Logger log = LoggerFactory.getLogger(MonitoringImport.class);

    enum Status { ACCEPTED, DUPLICATE, ERROR }

    /** The outcome of a row; {@code row} counts the header as row 1, as a spreadsheet shows it. */
    record RowResult(int row, Status status, Long id, String businessKey, String field, String message) {
    }

    record Summary(int accepted, int duplicates, int errors) {

        int total() {
            return accepted + duplicates + errors;
        }
    }

    /** Receives the outcome of each row in file order. */
    interface Results {
        void row(RowResult result) throws IOException;
    }

    private final MessageIntakeService intake;
    private final OrganizationPolicies policies;
    private final Validator validator;

    MonitoringImport(MessageIntakeService intake, OrganizationPolicies policies, Validator validator) {
        this.intake = intake;
        this.policies = policies;
        this.validator = validator;
    }

    /**
     * The checks before anything is read: a named organization exists (404) and the caller may report there
     * (403); without one, the caller must be an intake system or an ОТО specialist somewhere (403).
     */
    void authorize(String defaultOrg, Staff staff) {
        if (defaultOrg != null) {
            policies.get(defaultOrg);
            staff.requireRole(defaultOrg, Role.INTAKE, Role.SPECIALIST);
            return;
        }
        boolean mayReport = policies.all().stream()
                .anyMatch(p -> staff.hasRole(p.id(), Role.INTAKE) || staff.hasRole(p.id(), Role.SPECIALIST));
        if (!mayReport) {
            throw new AccessDeniedException("Загружать сообщения могут системы мониторинга и специалисты ОТО");
        }
    }

    /**
     * Imports the rows of an opened file. A file that stops being readable (bad encoding, broken quoting)
     * ends the import with an error for that row; the rows before it stay imported.
     */
    Summary importRows(MonitoringCsv csv, String defaultOrg, Staff staff, Results results) throws IOException {
        int accepted = 0;
        int duplicates = 0;
        int errors = 0;
        while (true) {
            RowResult result;
            try {
                if (!csv.hasNext()) {
                    break;
                }
                result = importRow(csv.next(), defaultOrg, staff);
            } catch (MonitoringCsv.UnreadableException e) {
                results.row(new RowResult(e.row, Status.ERROR, null, null, "file", e.getMessage()));
                errors++;
                break;
            }
            switch (result.status()) {
                case ACCEPTED -> accepted++;
                case DUPLICATE -> duplicates++;
                case ERROR -> errors++;
            }
            results.row(result);
        }
        log.info("Monitoring import by {}: {} accepted, {} duplicates, {} errors", staff.userId(), accepted,
                duplicates, errors);
        return new Summary(accepted, duplicates, errors);
    }

    private RowResult importRow(MonitoringCsv.Row row, String defaultOrg, Staff staff) {
        try {
            MessageRequest request = MonitoringRows.request(row, defaultOrg, intake::zone);
            IntakeRequests.validate(validator, request);
            Registration registration = intake.report(request, staff);
            return new RowResult(row.number(), registration.created() ? Status.ACCEPTED : Status.DUPLICATE,
                    registration.entry().id(), registration.entry().businessKey(), null,
                    registration.created() ? null : "сообщение уже есть в реестре");
        } catch (InvalidFieldException e) {
            return error(row, e.field(), e.getMessage());
        } catch (UnknownOrganizationException e) {
            return error(row, MonitoringCsv.Column.ORG.name, e.getMessage());
        } catch (AccessDeniedException e) {
            return error(row, MonitoringCsv.Column.ORG.name, "нет права регистрировать сообщения этой организации");
        } catch (RuntimeException e) {
            log.warn("Monitoring import: row {} failed", row.number(), e);
            return error(row, null, "строка не загружена: внутренняя ошибка");
        }
    }

    private static RowResult error(MonitoringCsv.Row row, String field, String message) {
        return new RowResult(row.number(), Status.ERROR, null, null, field, message);
    }
}
