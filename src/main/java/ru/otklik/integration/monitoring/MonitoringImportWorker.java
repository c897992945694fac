package ru.otklik.integration.monitoring;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.otklik.integration.monitoring.MonitoringImport.RowResult;
import ru.otklik.integration.monitoring.MonitoringImport.Status;
import ru.otklik.security.Staff;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Runs the imports in the background, on every node whose Camunda job executor runs
 * ({@code camunda.bpm.job-execution.enabled}). A node claims a job in the database ({@link MonitoringImportJobs})
 * and imports its rows in batches: each batch — the rows' registrations, cases and outcomes and the job's
 * progress — commits as one transaction of at most {@code otklik.imports.batch-rows} (100) rows or {@link #BATCH_TIME}. Nothing is
 * lost or done twice: after a crash or restart the lease lapses ({@link #LEASE}) and a node resumes after the
 * last committed row; a batch that was cut off was rolled back whole.
 *
 * <p>The Spring scheduler runs {@link #poll()}; a poll works at most {@link #SLICE} and the next one goes on, so
 * the scheduler's other tasks get their turn during a long import.
 */
@Component
class MonitoringImportWorker {

    private static final Logger log = LoggerFactory.getLogger(MonitoringImportWorker.class);

    static final Duration BATCH_TIME = Duration.ofSeconds(2);
    static final Duration LEASE = Duration.ofMinutes(2);
    static final Duration RETRY_AFTER = Duration.ofMinutes(1);
    static final Duration SLICE = Duration.ofSeconds(30);

    private final MonitoringImportJobs jobs;
    private final ImportSpool spool;
    private final MonitoringImport imports;
    private final IdentityService identity;
    private final TransactionTemplate transaction;
    private final boolean enabled;
    private final int batchRows;
    private final String node = UUID.randomUUID().toString();

    MonitoringImportWorker(MonitoringImportJobs jobs, ImportSpool spool, MonitoringImport imports,
                           IdentityService identity, PlatformTransactionManager transactions,
                           @Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled,
                           @Value("${otklik.imports.batch-rows:100}") int batchRows) {
        this.jobs = jobs;
        this.spool = spool;
        this.imports = imports;
        this.identity = identity;
        this.transaction = new TransactionTemplate(transactions);
        this.enabled = enabled;
        this.batchRows = batchRows;
    }

    @Scheduled(fixedDelayString = "PT2S", initialDelayString = "PT10S")
    void poll() {
        if (enabled) {
            runPending(SLICE);
        }
    }

    /** Works on the claimable jobs, oldest first, for about {@code slice}. */
    void runPending(Duration slice) {
        long deadline = System.nanoTime() + slice.toNanos();
        while (System.nanoTime() - deadline < 0) {
            Long next = jobs.nextClaimable(node, now()).orElse(null);
            if (next == null || !run(next, Integer.MAX_VALUE, deadline)) {
                return;
            }
        }
    }

    /** Runs the job to its end in this thread; @return false when another node holds it or a batch failed. */
    boolean run(long id) {
        return run(id, Integer.MAX_VALUE, Long.MAX_VALUE);
    }

    /**
     * Claims the job and imports at most {@code batches} batches of it, until {@code deadline}
     * ({@link System#nanoTime()}); the claim is kept for the next call.
     *
     * @return whether it is done
     */
    boolean run(long id, int batches, long deadline) {
        Instant now = now();
        if (!jobs.claim(id, node, now, now.plus(LEASE))) {
            return false;
        }
        ImportJob job = jobs.find(id).orElseThrow();
        Staff staff = staff(job.createdBy());
        int[] lastRow = {job.lastRow()};
        try (ImportSpool.Reader in = spool.open(id); MonitoringCsv csv = new MonitoringCsv(in)) {
            csv.skipThrough(job.lastRow());
            for (int batch = 0; batch < batches; batch++) {
                if (Boolean.TRUE.equals(transaction.execute(status -> batch(job, lastRow, csv, in, staff)))) {
                    log.info("Monitoring import {} by {} done", id, job.createdBy());
                    return true;
                }
                if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0) {
                    return false;
                }
            }
            return false;
        } catch (ClaimLost e) {
            log.info("Monitoring import {}: {}", id, e.getMessage());
            return false;
        } catch (IOException | RuntimeException e) {
            log.warn("Monitoring import {}: batch failed and was rolled back, retried in {}", id, RETRY_AFTER, e);
            jobs.failed(id, node, String.valueOf(e.getMessage()), now().plus(RETRY_AFTER));
            return false;
        }
    }

    /**
     * One batch, in one transaction, after the row {@code lastRow[0]}, which it advances.
     *
     * @return whether the file is done
     */
    private boolean batch(ImportJob job, int[] lastRow, MonitoringCsv csv, ImportSpool.Reader in, Staff staff) {
        if (!jobs.renew(job.id(), node, now().plus(LEASE), lastRow[0])) {
            throw new ClaimLost("another node or thread took the job over; this one stops");
        }
        long started = System.nanoTime();
        int[] counts = new int[Status.values().length];
        int last = 0;
        boolean done = false;
        for (int rows = 0; rows < batchRows && System.nanoTime() - started < BATCH_TIME.toNanos(); rows++) {
            RowResult result;
            try {
                if (!csv.hasNext()) {
                    done = true;
                    break;
                }
                result = imports.importRow(csv.next(), job.organization(), staff);
            } catch (MonitoringCsv.UnreadableException e) {
                result = new RowResult(e.row, Status.ERROR, null, null, "file", e.getMessage());
                done = true;
            }
            jobs.addRow(job.id(), result);
            counts[result.status().ordinal()]++;
            last = result.row();
            if (done) {
                break;
            }
        }
        jobs.progress(job.id(), last, done ? job.fileSize() : in.position(), counts[Status.ACCEPTED.ordinal()],
                counts[Status.DUPLICATE.ordinal()], counts[Status.ERROR.ordinal()], done, now());
        if (done) {
            spool.delete(job.id());
        }
        lastRow[0] = Math.max(lastRow[0], last);
        return done;
    }

    /** The job was taken over (its lease had lapsed) or is run by another thread: this run stops. */
    private static final class ClaimLost extends RuntimeException {

        ClaimLost(String message) {
            super(message);
        }
    }

    /** The uploader's groups and organizations as they are now: a right taken away meanwhile counts. */
    private Staff staff(String userId) {
        return new Staff(userId,
                identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
                        .collect(Collectors.toSet()),
                identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
                        .map(Tenant::getId).collect(Collectors.toSet()));
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
