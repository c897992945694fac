package ru.otklik.message;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import ru.otklik.notification.StoredNotification;
import ru.otklik.notification.TasklistNotifier;
import ru.otklik.organization.Network;
import ru.otklik.support.OtklikSpringTest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.reset;
import static ru.otklik.message.MessageResponseProcess.*;

/**
 * The whole application (H2, demo users, no job executor) with process test coverage (reports under
 * {@code target/process-test-coverage}). Times are local times
 * of the organization (Asia/Novokuznetsk, UTC+7); expected deadlines are worked out by hand from the
 * production calendar (Mon–Fri 09:00–13:00, 14:00–18:00).
 */
@OtklikSpringTest
abstract class MessageProcessTestSupport {

    static final ZoneId NSK = ZoneId.of("Asia/Novokuznetsk");
    static final String ORG = "zags";
    private static final AtomicInteger posts = new AtomicInteger();

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identity;
    @Autowired
    MessageRegistry registry;
    @Autowired
    MessageProcess process;
    @Autowired
    TasklistNotifier notifications;

    @BeforeEach
    void initAssertions() {
        init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        identity.clearAuthentication();
        reset();
    }

    // ---- time ----

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(NSK).toInstant();
    }

    static Date date(String local) {
        return Date.from(at(local));
    }

    static void clock(String local) {
        ClockUtil.setCurrentTime(date(local));
    }

    /** How a Camunda Forms datetime field (utc_offset) submits a local time. */
    static String formTime(String local) {
        return LocalDateTime.parse(local).atZone(NSK).toOffsetDateTime().toString();
    }

    // ---- starting cases ----

    /** A monitoring system reported a VK post detected at {@code detectedLocal} (REST intake path). */
    MessageEntry reported(String detectedLocal) {
        int n = posts.incrementAndGet();
        NewMessage message = new NewMessage(ORG, Network.VK, "wall-1_" + n, "https://vk.com/wall-1_" + n,
                "Иван Петров", "id" + n, "Когда выдадут повторное свидетельство о рождении?", null, at(detectedLocal),
                "Повторные свидетельства", "Новокузнецк");
        Registration registration = registry.register(message, "monitoring");
        assertThat(registration.created()).isTrue();
        return process.start(registration.entry());
    }

    ProcessInstance instance(MessageEntry entry) {
        return runtime.createProcessInstanceQuery().processInstanceId(entry.processInstanceId()).singleResult();
    }

    /**
     * A case started just before {@code activityId}, as if the earlier steps had happened, for tests of one
     * step's deadline.
     */
    ProcessInstance startedBefore(String activityId, String detectedLocal, Map<String, Object> variables) {
        int n = posts.incrementAndGet();
        Registration registration = registry.register(new NewMessage(ORG, Network.OK, "ok-" + n,
                "https://ok.ru/group/1/topic/" + n, "Мария Иванова", null, "Почему не отвечают по телефону?", null,
                at(detectedLocal), "Работа с обращениями", "Междуреченск"), "monitoring");
        MessageEntry entry = registration.entry();
        Map<String, Object> all = new HashMap<>();
        all.put(VAR_MESSAGE_ID, entry.id());
        all.put(VAR_ORGANIZATION, ORG);
        all.put(VAR_BUSINESS_KEY, entry.businessKey());
        all.put(VAR_DETECTED_AT, Date.from(entry.detectedAt()));
        all.put(VAR_TEXT, entry.text());
        all.put(VAR_IMPORTANCE, Importance.REGULAR.name());
        all.put(VAR_DEPARTMENT, "oto");
        all.put(VAR_EXECUTOR, "zags-executor-oto");
        all.putAll(variables);
        ProcessInstance instance = runtime.createProcessInstanceByKey(PROCESS_KEY)
                .processDefinitionWithoutTenantId()
                .businessKey(entry.businessKey())
                .setVariables(all)
                .startBeforeActivity(activityId)
                .execute();
        registry.linkProcess(entry.id(), instance.getId(), null);
        return instance;
    }

    // ---- staff acting in Tasklist ----

    /** Runs {@code action} as the user would through Tasklist: with the user's groups and organization, authorization on. */
    void as(String userId, Runnable action) {
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        identity.setAuthentication(userId, groups, List.of(ORG));
        try {
            action.run();
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The user claims the open task of {@code taskKey} and completes it with the form's values. */
    void complete(ProcessInstance instance, String taskKey, String userId, Map<String, Object> form) {
        Task task = task(instance, taskKey);
        assertThat(task).as("open task " + taskKey).isNotNull();
        as(userId, () -> {
            if (task.getAssignee() == null) {
                tasks.claim(task.getId(), userId);
            }
            tasks.complete(task.getId(), form);
        });
    }

    void claim(ProcessInstance instance, String taskKey, String userId) {
        Task task = task(instance, taskKey);
        as(userId, () -> tasks.claim(task.getId(), userId));
    }

    Task task(ProcessInstance instance, String taskKey) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
    }

    static Map<String, Object> form(Object... keyValues) {
        Map<String, Object> form = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            form.put((String) keyValues[i], keyValues[i + 1]);
        }
        return form;
    }

    // ---- timers ----

    Job timer(ProcessInstance instance, String boundaryEventId) {
        return management.createJobQuery().processInstanceId(instance.getId()).activityId(boundaryEventId).singleResult();
    }

    /** Fires the timer of the boundary event as the job executor would once the clock has passed its due date. */
    void fire(ProcessInstance instance, String boundaryEventId) {
        Job job = timer(instance, boundaryEventId);
        assertThat(job).as("timer of " + boundaryEventId).isNotNull();
        assertThat(job.getDuedate()).as("due by now").isBeforeOrEqualTo(ClockUtil.getCurrentTime());
        management.executeJob(job.getId());
    }

    /** Runs the asynchronous continuations of the case (e.g. the report of elevated importance). */
    void runAsyncJobs(ProcessInstance instance) {
        for (Job job : management.createJobQuery().processInstanceId(instance.getId()).messages().list()) {
            management.executeJob(job.getId());
        }
    }

    // ---- registry ----

    MessageEntry entry(ProcessInstance instance) {
        return registry.findByBusinessKey(instance.getBusinessKey()).orElseThrow();
    }

    List<String> journal(MessageEntry entry) {
        return registry.events(entry.id()).stream().map(MessageEvent::step).toList();
    }

    List<StoredNotification> notificationsOf(MessageEntry entry) {
        return notifications.forMessage(entry.id());
    }
}
