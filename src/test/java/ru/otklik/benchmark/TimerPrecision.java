package ru.otklik.benchmark;

import org.HdrHistogram.Histogram;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.otklik.message.CaseStarter;
import ru.otklik.message.MessageIntakeService;
import ru.otklik.message.MessageRequest;
import ru.otklik.organization.Network;
import ru.otklik.security.Staff;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.otklik.message.MessageResponseProcess.BOUNDARY_ROUTING_OVERDUE;
import static ru.otklik.message.MessageResponseProcess.BOUNDARY_ROUTING_WARNING;

/**
 * Timer precision: N open messages (default 10 000, {@code -Dotklik.benchmark.messages}) whose routing
 * deadlines (MSG-8, 25 working minutes) fall due within one minute ({@code -Dotklik.benchmark.window-seconds}),
 * with the job executor configured as the application configures it ({@code camunda.bpm.job-execution.*} in
 * application.yml) or, with {@code -Dotklik.benchmark.job-executor=defaults}, with Camunda's defaults. The lag of a
 * timer is the time from its due date to the end of its job (the warning, MSG-24, or the recorded violation and
 * escalation, MSG-27), read from the job log; reported as p50, p90, p99 and max for both groups, with the rate
 * the jobs ran at (jobs a second from the first due date to the last end).
 * <p>
 * The messages are registered with the clock standing at Monday 2026-11-23 11:00 Kuzbass time and their cases
 * started from the queue as {@link CaseStarter} starts them (two threads); then the clock is
 * set running a few seconds before the first warning is due, and again before the first overdue timer, so the
 * run does not wait the real quarter of an hour in between.
 */
abstract class TimerPrecision {

    private static final ZoneId KUZBASS = ZoneId.of("Asia/Novokuznetsk");
    private static final Instant REGISTERED_AT = LocalDateTime.parse("2026-11-23T11:00").atZone(KUZBASS).toInstant();
    private static final Duration LEAD = Duration.ofSeconds(5);
    private static final Duration GIVE_UP = Duration.ofMinutes(15);

    @Autowired
    MessageIntakeService intake;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    IdentityService identity;
    @Autowired
    ProcessEngine engine;
    @Autowired
    CamundaBpmProperties properties;
    @Autowired
    CaseStarter starter;
    @Autowired
    JdbcTemplate jdbc;

    private JobExecutor jobExecutor;

    abstract String database();

    @AfterEach
    void stop() {
        if (jobExecutor != null && jobExecutor.isActive()) {
            jobExecutor.shutdown();
        }
        ClockUtil.reset();
    }

    @Test
    void timerPrecision() throws InterruptedException {
        int messages = BenchmarkResults.intProperty("otklik.benchmark.messages", 10_000);
        // a shorter window asks more jobs a second than a node runs: the figure jobsPerSecond is then its capacity
        long windowMillis = 1000L * BenchmarkResults.intProperty("otklik.benchmark.window-seconds", 60);
        String mode = System.getProperty("otklik.benchmark.job-executor", "configured");
        Staff monitoring = new BenchmarkStaff(identity).staff("monitoring");

        // Detections spread over one minute, 8 min 45 s … 7 min 45 s before registration: routing due at
        // detection + 25 working minutes (11:16:15 … 11:17:15), its warning at 75 % of the step (11:12 … 11:13).
        ClockUtil.setCurrentTime(Date.from(REGISTERED_AT));
        long registrationStarted = System.nanoTime();
        String run = Long.toString(System.currentTimeMillis(), 36);
        for (int i = 0; i < messages; i++) {
            Instant detected = REGISTERED_AT.minus(Duration.ofSeconds(525)).plusMillis(windowMillis * i / messages);
            String n = run + "-" + i;
            intake.reportLater(new MessageRequest("zags", Network.VK, "timer-" + n, "https://vk.com/wall-2_" + n,
                    "Житель " + i, "timer-" + n, "Когда откроют запись на регистрацию брака на декабрь?", null,
                    detected.atZone(KUZBASS).toOffsetDateTime(), "Регистрация брака", "Кемерово", null), monitoring);
        }
        startQueuedCases();
        Set<String> cases = new HashSet<>(jdbc.queryForList("SELECT process_instance_id FROM message "
                + "WHERE external_id LIKE ? AND process_instance_id IS NOT NULL", String.class, "timer-" + run + "-%"));
        assertThat(cases).as("a case for every message").hasSize(messages);
        double registrationSeconds = (System.nanoTime() - registrationStarted) / 1e9;

        Window warnings = window(cases, BOUNDARY_ROUTING_WARNING);
        Window overdue = window(cases, BOUNDARY_ROUTING_OVERDUE);
        assertThat(warnings.count()).isEqualTo(messages);
        assertThat(overdue.count()).isEqualTo(messages);
        assertThat(Duration.between(warnings.first(), warnings.last())).isLessThanOrEqualTo(Duration.ofMinutes(1));
        assertThat(Duration.between(overdue.first(), overdue.last())).isLessThanOrEqualTo(Duration.ofMinutes(1));

        jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        Map<String, Object> settings = configure(jobExecutor, mode);
        runClockFrom(warnings.first().minus(LEAD));
        jobExecutor.start();
        awaitFired(cases, BOUNDARY_ROUTING_WARNING);
        runClockFrom(overdue.first().minus(LEAD));
        awaitFired(cases, BOUNDARY_ROUTING_OVERDUE);
        jobExecutor.shutdown();

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("database", database());
        figures.put("messages", messages);
        figures.put("windowSeconds", windowMillis / 1000);
        figures.put("jobExecutor", mode);
        figures.put("settings", settings);
        figures.put("registrationSecondsTotal", Math.round(registrationSeconds * 10) / 10.0);
        figures.put("warning", lags(cases, BOUNDARY_ROUTING_WARNING, messages));
        figures.put("overdue", lags(cases, BOUNDARY_ROUTING_OVERDUE, messages));
        BenchmarkResults.write("timer-precision-" + database() + "-" + mode, figures);
    }

    /**
     * The cases are started as {@link CaseStarter} starts them in the background, on the node's threads
     * ({@code otklik.case-starts.threads}).
     */
    private void startQueuedCases() {
        // until nothing is due: a failed start waits minutes for its retry; the caller checks every case
        int batch;
        do {
            batch = starter.startPending(Duration.ofMinutes(1));
        } while (batch > 0);
    }

    private record Window(long count, Instant first, Instant last) {
    }

    private Window window(Set<String> cases, String activityId) {
        List<Instant> due = management.createJobQuery().activityId(activityId).timers().list().stream()
                .filter(job -> cases.contains(job.getProcessInstanceId()))
                .map(job -> job.getDuedate().toInstant()).sorted().toList();
        return new Window(due.size(), due.get(0), due.get(due.size() - 1));
    }

    /** Sets the engine's clock running from {@code instant} (it keeps ticking with the real clock). */
    private static void runClockFrom(Instant instant) {
        ClockUtil.reset();
        ClockUtil.offset(instant.toEpochMilli() - System.currentTimeMillis());
    }

    /**
     * Waits by counting, which costs the database little: listing the waiting jobs four times a second took a fifth
     * of the node's processor time from the job executor. The list of this run's jobs is read once the count says
     * they are done (jobs of the activity outside this run may be left).
     */
    private void awaitFired(Set<String> cases, String activityId) throws InterruptedException {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        long foreign = management.createJobQuery().activityId(activityId).timers().count() - cases.size();
        while (true) {
            long waiting = management.createJobQuery().activityId(activityId).timers().count();
            if (waiting <= foreign && management.createJobQuery().activityId(activityId).timers().list().stream()
                    .noneMatch(job -> cases.contains(job.getProcessInstanceId()))) {
                return;
            }
            assertThat(System.nanoTime() - deadline).as("timers of %s still waiting: %s", activityId, waiting - foreign)
                    .isNegative();
            Thread.sleep(250);
        }
    }

    private Map<String, Object> lags(Set<String> cases, String activityId, int messages) {
        List<HistoricJobLog> successes = history.createHistoricJobLogQuery().activityIdIn(activityId).successLog()
                .list().stream().filter(log -> cases.contains(log.getProcessInstanceId())).toList();
        long failures = history.createHistoricJobLogQuery().activityIdIn(activityId).failureLog().list().stream()
                .filter(log -> cases.contains(log.getProcessInstanceId())).count();
        // every due timer fired exactly once
        Map<String, Long> perJob = successes.stream().collect(Collectors.groupingBy(HistoricJobLog::getJobId,
                Collectors.counting()));
        assertThat(perJob).hasSize(messages);
        assertThat(perJob.values()).containsOnly(1L);

        Histogram lag = new Histogram(3_600_000L, 3);
        List<Long> lagsMillis = new ArrayList<>();
        for (HistoricJobLog log : successes) {
            long millis = Math.max(0, log.getTimestamp().getTime() - log.getJobDueDate().getTime());
            lag.recordValue(millis);
            lagsMillis.add(millis);
        }
        Function<Double, Long> p = lag::getValueAtPercentile;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("fired", successes.size());
        figures.put("failedAttempts", failures);
        figures.put("lagMillisP50", p.apply(50.0));
        figures.put("lagMillisP90", p.apply(90.0));
        figures.put("lagMillisP99", p.apply(99.0));
        figures.put("lagMillisMax", lag.getMaxValue());
        // from the first due date to the end of the last job: the node's rate when the window asks more than it runs
        long firstDue = successes.stream().mapToLong(log -> log.getJobDueDate().getTime()).min().orElseThrow();
        long lastEnd = successes.stream().mapToLong(log -> log.getTimestamp().getTime()).max().orElseThrow();
        figures.put("jobsPerSecond", Math.round(successes.size() * 10_000.0 / Math.max(1, lastEnd - firstDue)) / 10.0);
        return figures;
    }

    /** The job executor as application.yml configures it, or with Camunda's defaults. */
    private Map<String, Object> configure(JobExecutor executor, String mode) {
        if ("configured".equals(mode)) {
            JobExecutionProperty p = properties.getJobExecution();
            if (executor instanceof DefaultJobExecutor pool) {
                pool.setCorePoolSize(p.getCorePoolSize());
                pool.setMaxPoolSize(p.getMaxPoolSize());
                pool.setQueueSize(p.getQueueCapacity());
            }
            if (p.getMaxJobsPerAcquisition() != null) {
                executor.setMaxJobsPerAcquisition(p.getMaxJobsPerAcquisition());
            }
            if (p.getWaitTimeInMillis() != null) {
                executor.setWaitTimeInMillis(p.getWaitTimeInMillis());
            }
            if (p.getMaxWait() != null) {
                executor.setMaxWait(p.getMaxWait());
            }
            if (p.getLockTimeInMillis() != null) {
                executor.setLockTimeInMillis(p.getLockTimeInMillis());
            }
            if (p.getBackoffTimeInMillis() != null) {
                executor.setBackoffTimeInMillis(p.getBackoffTimeInMillis());
            }
            if (p.getMaxBackoff() != null) {
                executor.setMaxBackoff(p.getMaxBackoff());
            }
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        if (executor instanceof DefaultJobExecutor pool) {
            settings.put("corePoolSize", pool.getCorePoolSize());
            settings.put("maxPoolSize", pool.getMaxPoolSize());
            settings.put("queueSize", pool.getQueueSize());
        }
        settings.put("maxJobsPerAcquisition", executor.getMaxJobsPerAcquisition());
        settings.put("waitTimeInMillis", executor.getWaitTimeInMillis());
        settings.put("maxWait", executor.getMaxWait());
        settings.put("lockTimeInMillis", executor.getLockTimeInMillis());
        settings.put("backoffTimeInMillis", executor.getBackoffTimeInMillis());
        settings.put("maxBackoff", executor.getMaxBackoff());
        return settings;
    }
}
