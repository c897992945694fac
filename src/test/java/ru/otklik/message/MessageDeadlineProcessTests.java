package ru.otklik.message;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import ru.otklik.notification.NotificationKind;
import ru.otklik.notification.StoredNotification;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static ru.otklik.message.MessageResponseProcess.*;

/**
 * Every deadline of {@code MessageResponse}: its due date in working time, the warning at 75 % of it (MSG-24)
 * and the breach (MSG-24, MSG-27), which marks the registry, records the violation, notifies and raises the
 * task's priority without stopping the work. Expected instants are worked out by hand from the production
 * calendar: Mon–Fri 09:00–13:00 and 14:00–18:00 in Asia/Novokuznetsk.
 */
@DisplayName("MessageResponse: deadlines, warnings and escalation")
class MessageDeadlineProcessTests extends MessageProcessTestSupport {

    @Test
    @DisplayName("MSG-8, MSG-24, MSG-27: detected Friday 17:50 — routing due Monday 09:15, warned at 09:08:45, breach escalated and attributed to the ОТО specialists")
    void routingFromFridayEvening() {
        // Given a message detected on Friday 2026-11-27 at 17:50 and reported over the API
        clock("2026-11-27T17:52");
        MessageEntry reported = reported("2026-11-27T17:50");
        ProcessInstance instance = instance(reported);

        // Then: 10 minutes on Friday + 15 on Monday; the answer: 10 minutes + 7 h 50 on Monday
        assertThat(reported.deadlines()).containsEntry("routing", at("2026-11-30T09:15"))
                .containsEntry("answer", at("2026-11-30T17:50"));
        assertThat(instance.getTenantId()).isEqualTo(ORG);
        assertThat(task(instance, TASK_CLASSIFY)).hasDueDate(date("2026-11-30T09:15"));
        assertThat(timer(instance, BOUNDARY_ROUTING_OVERDUE).getDuedate()).isEqualTo(date("2026-11-30T09:15"));
        // 75 % of 25 min = 18 min 45 s: 10 min on Friday, 8 min 45 s on Monday
        assertThat(timer(instance, BOUNDARY_ROUTING_WARNING).getDuedate()).isEqualTo(date("2026-11-30T09:08:45"));

        // When the warning fires, nobody has claimed the task: its groups are told
        clock("2026-11-30T09:09");
        fire(instance, BOUNDARY_ROUTING_WARNING);
        Task classify = task(instance, TASK_CLASSIFY);
        assertThat(notificationsOf(reported)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.DEADLINE_WARNING);
            assertThat(n.groupIds()).containsExactlyInAnyOrder("zags-coordinator", "zags-coordinator-substitute");
            assertThat(n.taskId()).isEqualTo(classify.getId());
            assertThat(n.body()).contains("30.11.2026 09:15", "MSG-8");
        });
        assertThat(journal(reported)).contains(MessageEvents.WARNING);
        assertThat(registry.violations(reported.id())).isEmpty();

        // When the coordinator has claimed it but not routed it by 09:15
        clock("2026-11-30T09:10");
        claim(instance, TASK_CLASSIFY, "zags-coordinator");
        clock("2026-11-30T09:16");
        fire(instance, BOUNDARY_ROUTING_OVERDUE);

        // Then the breach is recorded against the ОТО specialists, who answer for the routing deadlines (MSG-24; the
        // message came from monitoring, so no single specialist registered it); the head of the body is told, the
        // task moves up
        assertThat(registry.violations(reported.id())).containsExactly(new Violation("routing", "MSG-8",
                "zags-specialists", at("2026-11-30T09:15"), at("2026-11-30T09:16")));
        assertThat(registry.overdueSteps(reported.id())).containsExactly(MessageStep.ROUTING);
        assertBreachNotified(reported, classify.getId(), "zags-head", "zags-coordinator", "zags-coordinator-substitute");
        assertThat(task(instance, TASK_CLASSIFY).getPriority()).isEqualTo(MessageEscalations.OVERDUE_PRIORITY);
        assertThat(tasks.getTaskComments(classify.getId())).extracting(Comment::getFullMessage)
                .anySatisfy(c -> assertThat(c).startsWith("Срок истекает"))
                .anySatisfy(c -> assertThat(c).startsWith("Нарушен срок"));
        assertThat(instance).hasPassed(TASK_WARN_ROUTING, TASK_ESCALATE_ROUTING);

        // And the work goes on
        complete(instance, TASK_CLASSIFY, "zags-coordinator", form(VAR_IMPORTANCE, "REGULAR", VAR_DEPARTMENT, "arch"));
        assertThat(instance).isWaitingAt(TASK_RECEIVE);
    }

    @Test
    @DisplayName("MSG-8, MSG-11, MSG-24, MSG-27: detected 2026-12-30 17:30 — routing due 17:55, answer due 2027-01-11 17:30, warned and escalated")
    void newYearHolidays() {
        // Given a message detected on the eve of the New Year holidays (31.12 to 10.01 are days off)
        clock("2026-12-30T17:31");
        MessageEntry reported = reported("2026-12-30T17:30");
        ProcessInstance instance = instance(reported);

        // Then routing is due the same evening; the answer: 30 min on 30.12 and 7 h 30 on Monday 11.01
        assertThat(reported.deadlines()).containsEntry("routing", at("2026-12-30T17:55"))
                .containsEntry("answer", at("2027-01-11T17:30"));
        assertThat(timer(instance, BOUNDARY_ROUTING_WARNING).getDuedate()).isEqualTo(date("2026-12-30T17:48:45"));

        // When the coordinator routes it in time
        clock("2026-12-30T17:40");
        complete(instance, TASK_CLASSIFY, "zags-coordinator", form(VAR_IMPORTANCE, "REGULAR", VAR_DEPARTMENT, "oto"));

        // Then the answer deadline spans the case; the warning is at 6 of 8 working hours: 30 min + 5 h 30
        assertThat(timer(instance, BOUNDARY_ANSWER_OVERDUE).getDuedate()).isEqualTo(date("2027-01-11T17:30"));
        assertThat(timer(instance, BOUNDARY_ANSWER_WARNING).getDuedate()).isEqualTo(date("2027-01-11T15:30"));
        assertThat(entry(instance).deadlines()).containsEntry("answer", at("2027-01-11T17:30"));

        // When nobody has received it by 11.01 15:30, the department is warned
        clock("2027-01-11T15:31");
        fire(instance, BOUNDARY_ANSWER_WARNING);
        Task receive = task(instance, TASK_RECEIVE);
        assertThat(notificationsOf(reported)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.DEADLINE_WARNING);
            assertThat(n.groupIds()).containsExactlyInAnyOrder("zags-heads-oto", "zags-executors-oto");
            assertThat(n.taskId()).isEqualTo(receive.getId());
            assertThat(n.body()).contains("11.01.2027 17:30", "MSG-11");
        });

        // When 17:30 passes without an answer
        clock("2027-01-11T17:31");
        fire(instance, BOUNDARY_ANSWER_OVERDUE);

        // Then the breach is recorded against those who hold the case, the head of the body is told
        assertThat(registry.violations(reported.id())).containsExactly(new Violation("answer", "MSG-11",
                "zags-executors-oto,zags-heads-oto", at("2027-01-11T17:30"), at("2027-01-11T17:31")));
        assertBreachNotified(reported, receive.getId(), "zags-head", "zags-coordinator", "zags-coordinator-substitute");
        assertThat(task(instance, TASK_RECEIVE).getPriority()).isEqualTo(MessageEscalations.OVERDUE_PRIORITY);
        assertThat(instance).isWaitingAt(TASK_RECEIVE).hasPassed(TASK_WARN_ANSWER, TASK_ESCALATE_ANSWER);
    }

    @Test
    @DisplayName("MSG-13, MSG-24, MSG-27: draft due at the earlier limit (answer − 2 h 30), warned at 75 %, breach escalated to the department head")
    void draftDeadline() {
        // Given the department received at Wednesday 10:30 a message whose answer is due Thursday 09:30
        clock("2026-11-25T10:31");
        ProcessInstance instance = startedBefore(TASK_DRAFT, "2026-11-25T09:30", Map.of(
                VAR_ANSWER_DUE, date("2026-11-26T09:30"), VAR_RECEIVED_AT, date("2026-11-25T10:30")));
        MessageEntry entry = entry(instance);

        // Then receipt + 5 h = 16:30, answer − 2 h 30 = Wednesday 16:00: the earlier binds
        assertThat(task(instance, TASK_DRAFT)).isAssignedTo("zags-executor-oto").hasDueDate(date("2026-11-25T16:00"));
        assertThat(entry.deadlines()).containsEntry("draft", at("2026-11-25T16:00"))
                .containsEntry("answer", at("2026-11-26T09:30"));
        assertThat(entry.status()).isEqualTo(MessageStatus.DRAFTING);
        // 75 % of 4 h 30 from receipt = 3 h 22 min 30 s: 2 h 30 before lunch, 52 min 30 s after
        assertThat(timer(instance, BOUNDARY_DRAFT_WARNING).getDuedate()).isEqualTo(date("2026-11-25T14:52:30"));

        clock("2026-11-25T14:53");
        fire(instance, BOUNDARY_DRAFT_WARNING);
        assertThat(notificationsOf(entry)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.DEADLINE_WARNING);
            assertThat(n.userIds()).containsExactly("zags-executor-oto");
            assertThat(n.groupIds()).isEmpty();
        });

        clock("2026-11-25T16:01");
        fire(instance, BOUNDARY_DRAFT_OVERDUE);
        assertThat(registry.violations(entry.id())).containsExactly(new Violation("draft", "MSG-13",
                "zags-executor-oto", at("2026-11-25T16:00"), at("2026-11-25T16:01")));
        assertBreachNotified(entry, task(instance, TASK_DRAFT).getId(), "zags-heads-oto", "zags-coordinator",
                "zags-coordinator-substitute");

        // The executor still submits the draft
        complete(instance, TASK_DRAFT, "zags-executor-oto", form(VAR_ANSWER_KIND, "FINAL", VAR_ANSWER_TEXT, "Ответ"));
        assertThat(instance).isWaitingAt(TASK_APPROVE).hasPassed(TASK_WARN_DRAFT, TASK_ESCALATE_DRAFT);
    }

    @Test
    @DisplayName("MSG-14, MSG-24, MSG-27: approval of an elevated message due in 15 minutes, warned, breach escalated")
    void approvalDeadline() {
        clock("2026-11-25T11:00");
        ProcessInstance instance = startedBefore(TASK_APPROVE, "2026-11-25T09:00", Map.of(
                VAR_IMPORTANCE, Importance.ELEVATED.name(), VAR_ANSWER_DUE, date("2026-11-25T13:00"),
                VAR_ANSWER_TEXT, "Проект ответа"));
        MessageEntry entry = entry(instance);

        assertThat(task(instance, TASK_APPROVE)).hasDueDate(date("2026-11-25T11:15"));
        assertThat(entry.deadlines()).containsEntry("approval", at("2026-11-25T11:15"));
        assertThat(entry.status()).isEqualTo(MessageStatus.APPROVAL);
        // 75 % of 15 min = 11 min 15 s
        assertThat(timer(instance, BOUNDARY_APPROVAL_WARNING).getDuedate()).isEqualTo(date("2026-11-25T11:11:15"));

        clock("2026-11-25T11:12");
        fire(instance, BOUNDARY_APPROVAL_WARNING);
        assertThat(notificationsOf(entry)).singleElement().satisfies(n -> assertThat(n.groupIds())
                .containsExactlyInAnyOrder("zags-heads-oto", "zags-coordinator", "zags-coordinator-substitute"));

        clock("2026-11-25T11:16");
        fire(instance, BOUNDARY_APPROVAL_OVERDUE);
        assertThat(registry.violations(entry.id())).containsExactly(new Violation("approval", "MSG-14",
                "zags-coordinator,zags-coordinator-substitute,zags-heads-oto", at("2026-11-25T11:15"),
                at("2026-11-25T11:16")));
        assertBreachNotified(entry, task(instance, TASK_APPROVE).getId(), "zags-head", "zags-coordinator",
                "zags-coordinator-substitute");
        assertThat(instance).isWaitingAt(TASK_APPROVE).hasPassed(TASK_WARN_APPROVAL, TASK_ESCALATE_APPROVAL);
    }

    @Test
    @DisplayName("MSG-15, MSG-24, MSG-27: rework due 1 working hour after the return, across lunch; warned, breach escalated")
    void reworkDeadline() {
        clock("2026-11-25T12:30");
        ProcessInstance instance = startedBefore(TASK_REWORK, "2026-11-25T09:00", Map.of(
                VAR_ANSWER_DUE, date("2026-11-25T18:00"), VAR_ANSWER_TEXT, "Проект", VAR_REMARKS, "Короче"));
        MessageEntry entry = entry(instance);

        // 30 min before lunch + 30 min after
        assertThat(task(instance, TASK_REWORK)).isAssignedTo("zags-executor-oto").hasDueDate(date("2026-11-25T14:30"));
        assertThat(entry.deadlines()).containsEntry("rework", at("2026-11-25T14:30"));
        // 45 min: 30 before lunch, 15 after
        assertThat(timer(instance, BOUNDARY_REWORK_WARNING).getDuedate()).isEqualTo(date("2026-11-25T14:15"));

        clock("2026-11-25T14:16");
        fire(instance, BOUNDARY_REWORK_WARNING);
        assertThat(notificationsOf(entry)).singleElement().satisfies(n ->
                assertThat(n.userIds()).containsExactly("zags-executor-oto"));

        clock("2026-11-25T14:31");
        fire(instance, BOUNDARY_REWORK_OVERDUE);
        assertThat(registry.violations(entry.id())).containsExactly(new Violation("rework", "MSG-15",
                "zags-executor-oto", at("2026-11-25T14:30"), at("2026-11-25T14:31")));
        assertBreachNotified(entry, task(instance, TASK_REWORK).getId(), "zags-heads-oto", "zags-coordinator",
                "zags-coordinator-substitute");

        complete(instance, TASK_REWORK, "zags-executor-oto", form(VAR_ANSWER_KIND, "FINAL", VAR_ANSWER_TEXT, "Короткий ответ"));
        assertThat(instance).isWaitingAt(TASK_APPROVE).hasPassed(TASK_WARN_REWORK, TASK_ESCALATE_REWORK);
        assertThat(journal(entry)).contains(MessageEvents.REWORKED);
    }

    @Test
    @DisplayName("MSG-16, MSG-24, MSG-27: posting approved at 17:50 due next morning 09:05; warned, breach escalated to the head of ОТО")
    void postingDeadline() {
        clock("2026-11-25T17:50");
        ProcessInstance instance = startedBefore(TASK_POST, "2026-11-25T10:00", Map.of(
                VAR_ANSWER_DUE, date("2026-11-26T10:00"), VAR_ANSWER_TEXT, "Согласованный ответ"));
        MessageEntry entry = entry(instance);

        // 10 min on Wednesday + 5 on Thursday
        assertThat(task(instance, TASK_POST)).hasCandidateGroup("zags-specialists").hasDueDate(date("2026-11-26T09:05"));
        assertThat(entry.deadlines()).containsEntry("posting", at("2026-11-26T09:05"));
        // 11 min 15 s: 10 min on Wednesday, 1 min 15 s on Thursday
        assertThat(timer(instance, BOUNDARY_POSTING_WARNING).getDuedate()).isEqualTo(date("2026-11-26T09:01:15"));

        clock("2026-11-26T09:02");
        fire(instance, BOUNDARY_POSTING_WARNING);
        assertThat(notificationsOf(entry)).singleElement().satisfies(n ->
                assertThat(n.groupIds()).containsExactly("zags-specialists"));

        clock("2026-11-26T09:03");
        claim(instance, TASK_POST, "zags-specialist");
        clock("2026-11-26T09:06");
        fire(instance, BOUNDARY_POSTING_OVERDUE);
        assertThat(registry.violations(entry.id())).containsExactly(new Violation("posting", "MSG-16",
                "zags-specialist", at("2026-11-26T09:05"), at("2026-11-26T09:06")));
        assertBreachNotified(entry, task(instance, TASK_POST).getId(), "zags-coordinator", "zags-coordinator-substitute");

        complete(instance, TASK_POST, "zags-specialist", form(VAR_ANSWER_URL, "https://ok.ru/answer/5",
                VAR_ANSWER_POSTED_AT, formTime("2026-11-26T09:07")));
        assertThat(instance).isEnded().hasPassed(TASK_WARN_POSTING, TASK_ESCALATE_POSTING, END_ANSWER_POSTED);
        assertThat(entry(instance).status()).isEqualTo(MessageStatus.ANSWERED);
    }

    private void assertBreachNotified(MessageEntry entry, String taskId, String... groups) {
        List<StoredNotification> breaches = notificationsOf(entry).stream()
                .filter(n -> n.kind() == NotificationKind.DEADLINE_BREACHED).toList();
        assertThat(breaches).singleElement().satisfies(n -> {
            assertThat(n.groupIds()).containsExactlyInAnyOrder(groups);
            assertThat(n.taskId()).isEqualTo(taskId);
            assertThat(n.subject()).startsWith("Нарушен срок").contains(entry.businessKey());
        });
        assertThat(journal(entry)).contains(MessageEvents.OVERDUE);
    }
}
