package ru.otklik.benchmark;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.otklik.message.MessageIntakeService;
import ru.otklik.message.MessageRequest;
import ru.otklik.message.MessageStatus;
import ru.otklik.message.Registration;
import ru.otklik.organization.Network;
import ru.otklik.security.Staff;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.otklik.message.MessageResponseProcess.*;

/**
 * Lifecycle throughput: messages taken through intake → classification → department receipt → draft →
 * approval → posting through the Java API, against a bare BPMN with the same user tasks and timers and no
 * delegates or registry writes ({@code benchmark/LifecycleBaseline.bpmn}), in rounds that alternate the two so
 * both see the same machine load. Reports messages per second and database statements per message, and the
 * ratio of Otklik's cost per message to the baseline's.
 * <p>
 * {@code -Dotklik.benchmark.messages=N} (default 500) messages of each kind, after a warm-up of N/5.
 */
abstract class LifecycleThroughput {

    private static final ZoneId KUZBASS = ZoneId.of("Asia/Novokuznetsk");
    private static final String ORG = "zags";
    private static final String BASELINE = "LifecycleBaseline";
    private static final int ROUNDS = 5;

    @Autowired
    MessageIntakeService intake;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    RepositoryService repository;
    @Autowired
    IdentityService identity;

    private BenchmarkStaff staff;
    private Staff monitoring;
    private final List<String> otklikCases = new ArrayList<>();
    private final List<String> baselineCases = new ArrayList<>();

    abstract String database();

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void lifecycleThroughput() {
        staff = new BenchmarkStaff(identity);
        monitoring = staff.staff("monitoring");
        repository.createDeployment().name("benchmark baseline")
                .addClasspathResource("benchmark/LifecycleBaseline.bpmn").deploy();
        // Monday 2026-11-23, 10:00 Kuzbass time: a working day; the clock stands still, so no deadline passes.
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-11-23T10:00").atZone(KUZBASS).toInstant()));

        int messages = BenchmarkResults.intProperty("otklik.benchmark.messages", 500);
        int perRound = Math.max(1, messages / ROUNDS);
        runOtklik(perRound / ROUNDS + 1, false);
        runBaseline(perRound / ROUNDS + 1, false);

        Run otklik = new Run();
        Run baseline = new Run();
        for (int round = 0; round < ROUNDS; round++) {
            otklik.add(measure(() -> runOtklik(perRound, true)));
            baseline.add(measure(() -> runBaseline(perRound, true)));
        }
        int total = perRound * ROUNDS;

        // Every measured case went the whole way.
        assertThat(finished(otklikCases, END_ANSWER_POSTED)).isEqualTo(total);
        assertThat(finished(baselineCases, "End")).isEqualTo(total);

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("database", database());
        figures.put("messages", total);
        figures.put("otklik", otklik.figures(total));
        figures.put("baseline", baseline.figures(total));
        figures.put("costRatio", round2(otklik.nanos / (double) baseline.nanos));
        figures.put("statementRatio", round2(otklik.statements.total() / (double) baseline.statements.total()));
        BenchmarkResults.write("lifecycle-" + database(), figures);
    }

    private void runOtklik(int count, boolean measured) {
        for (int i = 0; i < count; i++) {
            String n = UUID.randomUUID().toString();
            Registration registration = intake.report(new MessageRequest(ORG, Network.VK, "bench-" + n,
                    "https://vk.com/wall-1_" + n, "Анна Кузнецова", "id" + n.hashCode(),
                    "Подскажите, как получить справку о рождении через Госуслуги?", null,
                    OffsetDateTime.of(LocalDateTime.parse("2026-11-23T09:55"), KUZBASS.getRules()
                            .getOffset(LocalDateTime.parse("2026-11-23T09:55"))),
                    "Справки", "Кемерово", null), monitoring);
            String instance = registration.entry().processInstanceId();
            complete(instance, TASK_CLASSIFY, "zags-coordinator", Map.of(VAR_IMPORTANCE, "REGULAR", VAR_DEPARTMENT, "yur"));
            complete(instance, TASK_RECEIVE, "zags-head-yur", Map.of(VAR_EXECUTOR, "zags-executor-yur"));
            complete(instance, TASK_DRAFT, "zags-executor-yur", draft());
            complete(instance, TASK_APPROVE, "zags-coordinator", Map.of(VAR_APPROVAL_DECISION, DECISION_APPROVE));
            complete(instance, TASK_POST, "zags-specialist", Map.of(VAR_ANSWER_URL, "https://vk.com/wall-1_" + n + "?reply=1",
                    VAR_ANSWER_POSTED_AT, ClockUtil.getCurrentTime()));
            if (measured) {
                otklikCases.add(instance);
            }
        }
    }

    private void runBaseline(int count, boolean measured) {
        for (int i = 0; i < count; i++) {
            String instance = runtime.createProcessInstanceByKey(BASELINE).processDefinitionWithoutTenantId()
                    .businessKey("baseline-" + UUID.randomUUID()).setVariables(Map.of(VAR_ORGANIZATION, ORG))
                    .execute().getId();
            complete(instance, "Classify", "zags-coordinator", Map.of(VAR_IMPORTANCE, "REGULAR", VAR_DEPARTMENT, "yur"));
            complete(instance, "Receive", "zags-head-yur", Map.of(VAR_EXECUTOR, "zags-executor-yur"));
            complete(instance, "Draft", "zags-executor-yur", draft());
            complete(instance, "Approve", "zags-coordinator", Map.of(VAR_APPROVAL_DECISION, DECISION_APPROVE));
            complete(instance, "Post", "zags-specialist", Map.of(VAR_ANSWER_URL, "https://vk.com/wall-1_0?reply=1",
                    VAR_ANSWER_POSTED_AT, ClockUtil.getCurrentTime()));
            if (measured) {
                baselineCases.add(instance);
            }
        }
    }

    private static Map<String, Object> draft() {
        Map<String, Object> form = new HashMap<>();
        form.put(VAR_ANSWER_KIND, "FINAL");
        form.put(VAR_ANSWER_TEXT, "Анна, здравствуйте! Справку можно заказать на Госуслугах в разделе «Справки».");
        form.put(VAR_PHOTO_URL, null);
        form.put(VAR_VIDEO_URL, null);
        return form;
    }

    /** The user claims the case's open task of {@code taskKey} in Tasklist and completes it with the form. */
    private void complete(String instance, String taskKey, String userId, Map<String, Object> form) {
        Task task = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("open task " + taskKey).isNotNull();
        staff.as(userId, ORG, () -> {
            if (task.getAssignee() == null) {
                tasks.claim(task.getId(), userId);
            }
            tasks.complete(task.getId(), form);
        });
    }

    private long finished(List<String> instances, String endEvent) {
        long ended = 0;
        for (String id : instances) {
            HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(id)
                    .singleResult();
            if (instance.getEndTime() != null && endEvent.equals(instance.getEndActivityId())) {
                ended++;
            }
        }
        return ended;
    }

    private static Sample measure(Runnable work) {
        StatementCounting.Statements before = StatementCounting.now();
        long start = System.nanoTime();
        work.run();
        return new Sample(System.nanoTime() - start, StatementCounting.since(before));
    }

    private record Sample(long nanos, StatementCounting.Statements statements) {
    }

    /** Sums of the measured rounds of one kind. */
    private static final class Run {
        long nanos;
        StatementCounting.Statements statements = new StatementCounting.Statements(0, 0, 0, 0, 0, 0);

        void add(Sample sample) {
            nanos += sample.nanos();
            StatementCounting.Statements s = sample.statements();
            statements = new StatementCounting.Statements(statements.total() + s.total(),
                    statements.select() + s.select(), statements.insert() + s.insert(),
                    statements.update() + s.update(), statements.delete() + s.delete(), statements.other() + s.other());
        }

        Map<String, Object> figures(int messages) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("messagesPerSecond", round2(messages / (nanos / 1e9)));
            figures.put("msPerMessage", round2(nanos / 1e6 / messages));
            figures.put("statementsPerMessage", round2(statements.total() / (double) messages));
            figures.put("selectsPerMessage", round2(statements.select() / (double) messages));
            figures.put("insertsPerMessage", round2(statements.insert() / (double) messages));
            figures.put("updatesPerMessage", round2(statements.update() / (double) messages));
            figures.put("deletesPerMessage", round2(statements.delete() / (double) messages));
            return figures;
        }
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
