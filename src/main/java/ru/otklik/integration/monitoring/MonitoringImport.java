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
import ru.otklik.organization.OrganizationPolicy;
import ru.otklik.organization.Role;
import ru.otklik.organization.UnknownOrganizationException;
import ru.otklik.security.Staff;
import ru.otklik.web.InvalidFieldException;

import java.util.List;

/**
 * Imports the rows of a monitoring export (MSG-8): every row goes through the intake of
 * {@code POST /api/messages} — its validation and its deduplication — and starts its case, so a bad row costs
 * only itself. Who may import, and which organization an import belongs to, is decided here too.
 */
@Service
class MonitoringImport {

    private static final Logger log = LoggerFactory.getLogger(MonitoringImport.class);

    enum Status { ACCEPTED, DUPLICATE, ERROR }

    /** The outcome of a row; {@code row} counts the header as row 1, as a spreadsheet shows it. */
    record RowResult(int row, Status status, Long id, String businessKey, String field, String message) {
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
     * The checks before anything is read, and the organization the import belongs to: a named organization
     * exists (404) and the caller may report there (403); without one, the caller must be an intake system or
     * an ОТО specialist somewhere (403), and the import belongs to that organization when it is the only one.
     *
     * @return the import's organization; null for a caller who reports for several organizations and named none
     */
    String owner(String org, Staff staff) {
        if (org != null) {
            policies.get(org);
            staff.requireRole(org, Role.INTAKE, Role.SPECIALIST);
            return org;
        }
        List<String> reportable = policies.all().stream().map(OrganizationPolicy::id)
                .filter(id -> staff.hasRole(id, Role.INTAKE) || staff.hasRole(id, Role.SPECIALIST)).toList();
        if (reportable.isEmpty()) {
            throw new AccessDeniedException("Загружать сообщения могут системы мониторинга и специалисты ОТО");
        }
        return reportable.size() == 1 ? reportable.get(0) : null;
    }

    /**
     * Imports a row in the caller's transaction (a savepoint of its own, so that a failed row is undone alone).
     * A row of another organization than the import's is refused: the import and its outcomes belong to one
     * organization.
     *
     * @param owner the import's organization, also of rows that name none; null: every row names its own
     */
    RowResult importRow(MonitoringCsv.Row row, String owner, Staff staff) {
        try {
            MessageRequest request = MonitoringRows.request(row, owner, intake::zone);
            if (owner != null && !owner.equals(request.org())) {
                return error(row, MonitoringCsv.Column.ORG.name, "строка другой организации («" + request.org()
                        + "»), а загрузка — организации «" + owner + "»: загрузите её строки отдельно");
            }
            IntakeRequests.validate(validator, request);
            Registration registration = intake.reportWithinLater(request, staff);
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
