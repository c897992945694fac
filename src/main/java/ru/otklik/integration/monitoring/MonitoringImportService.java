package ru.otklik.integration.monitoring;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;
import ru.otklik.integration.monitoring.MonitoringImport.RowResult;
import ru.otklik.integration.monitoring.MonitoringImport.Status;
import ru.otklik.message.MessageIntakeService;
import ru.otklik.security.Staff;
import ru.otklik.web.NotFoundException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The imports as their users see them: upload (the file is spooled to the database with its job, in one
 * transaction, after its header was checked), and reading a job and its rows' outcomes, for the staff of the
 * import's organization and its uploader only.
 */
@Service
class MonitoringImportService {

    /** Rows read per query when all of them are handed out. */
    private static final int READ_AHEAD = 1000;

    private final MonitoringImport imports;
    private final MonitoringImportJobs jobs;
    private final ImportSpool spool;
    private final MonitoringImportWorker worker;
    private final MessageIntakeService intake;
    private final TransactionTemplate transaction;

    MonitoringImportService(MonitoringImport imports, MonitoringImportJobs jobs, ImportSpool spool,
                            MonitoringImportWorker worker, MessageIntakeService intake,
                            PlatformTransactionManager transactions) {
        this.imports = imports;
        this.jobs = jobs;
        this.spool = spool;
        this.worker = worker;
        this.intake = intake;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Stores the file as a new job, or nothing when the file as a whole is unusable (400 naming {@code file}),
     * and with {@code now} imports it at once.
     *
     * @param org the organization named by the caller, or null
     * @return the job; DONE when imported at once
     */
    ImportJob upload(MultipartFile file, String org, Staff staff, boolean now) throws IOException {
        String owner = imports.owner(org, staff);
        long id;
        try (InputStream in = file.getInputStream()) {
            id = transaction.execute(status -> {
                long created = jobs.create(owner, file.getOriginalFilename(), staff.userId(),
                        ClockUtil.getCurrentTime().toInstant());
                try {
                    jobs.sized(created, spool.store(created, in));
                    // the header is checked now, so that an unusable file is refused and nothing is stored
                    new MonitoringCsv(spool.open(created)).close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return created;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (now) {
            worker.run(id);
        }
        return jobs.find(id).orElseThrow();
    }

    /** The job, if the caller may read it: its uploader, the staff of its organization, superusers; else 404. */
    ImportJob visible(long id, Staff staff) {
        return jobs.find(id)
                .filter(job -> staff.userId().equals(job.createdBy())
                        || (job.organization() == null ? staff.admin() : staff.belongsTo(job.organization())))
                .orElseThrow(() -> new NotFoundException("Загрузка " + id + " не найдена"));
    }

    ImportView view(ImportJob job, boolean withRows) {
        ZoneId zone = job.organization() == null ? ZoneOffset.UTC : intake.zone(job.organization());
        return ImportView.of(job, zone, withRows ? jobs.rows(job.id(), null, 0, Integer.MAX_VALUE) : null);
    }

    List<ImportView.Row> rows(long id, Status status, int page, int size) {
        return jobs.rows(id, status, page, size).stream().map(ImportView.Row::of).toList();
    }

    long countRows(long id, Status status) {
        return jobs.countRows(id, status);
    }

    /** Hands out every row's outcome in file order, {@value #READ_AHEAD} at a time from the database. */
    void eachRow(long id, Status status, RowSink sink) throws IOException {
        int after = 0;
        while (true) {
            List<RowResult> rows = jobs.rowsAfter(id, status, after, READ_AHEAD);
            for (RowResult row : rows) {
                sink.accept(row);
            }
            if (rows.size() < READ_AHEAD) {
                return;
            }
            after = rows.get(rows.size() - 1).row();
        }
    }

    /** Receives rows' outcomes. */
    interface RowSink {
        void accept(RowResult row) throws IOException;
    }
}
