package ru.otklik.message;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.otklik.notification.NotificationKind;
import ru.otklik.notification.StoredNotification;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static ru.otklik.message.MessageResponseProcess.*;

/** The path of a message through {@code MessageResponse}, from detection to the posted answer. */
@DisplayName("MessageResponse: the path of a message")
class MessageResponseProcessTests extends MessageProcessTestSupport {

    @Autowired
    FormService forms;
    @Autowired
    ru.otklik.content.style.StyleChecker styleChecker;
    @Autowired
    RepositoryService repository;

    @Test
    @DisplayName("MSG-6, MSG-8 … MSG-16: registered in Tasklist, routed, received, drafted, returned, reworked, approved, posted")
    void mainPath() {
        // Given a specialist registers a message detected on Monday 2026-11-23 at 09:00 in Tasklist
        clock("2026-11-23T09:02");
        String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
                .latestVersion().singleResult().getId();
        ProcessInstance[] started = new ProcessInstance[1];
        as("zags-specialist", () -> started[0] = forms.submitStartForm(definitionId, form(
                VAR_DETECTED_AT, formTime("2026-11-23T09:00"), VAR_NETWORK, "VK",
                VAR_URL, "https://vk.com/wall-100_777", VAR_AUTHOR_NAME, "Ольга Смирнова",
                VAR_TEXT, "Третий день не могу записаться на регистрацию брака через Госуслуги",
                VAR_TOPIC, "Регистрация брака", VAR_LOCATION, "Кемерово")));
        ProcessInstance instance = started[0];

        // Then the registry holds it, the case runs in the organization's tenant, the coordinator has the task
        assertThat(instance).isWaitingAt(TASK_CLASSIFY).hasPassed(START_EVENT, TASK_REGISTER);
        assertThat(instance.getTenantId()).isEqualTo(ORG);
        MessageEntry registered = entry(instance);
        assertThat(registered.businessKey()).matches("zags-2026-\\d{6}");
        assertThat(registered.detectedAt()).isEqualTo(at("2026-11-23T09:00"));
        assertThat(registered.status()).isEqualTo(MessageStatus.ROUTING);
        assertThat(registered.processInstanceId()).isEqualTo(instance.getId());
        assertThat(registered.topic()).isEqualTo("Регистрация брака");
        assertThat(registered.location()).isEqualTo("Кемерово");
        // MSG-8: 25 working minutes; MSG-11: 8 working hours 09:00–13:00, 14:00–18:00
        assertThat(registered.deadlines()).containsEntry("routing", at("2026-11-23T09:25"))
                .containsEntry("answer", at("2026-11-23T18:00"));
        Task classify = task(instance, TASK_CLASSIFY);
        assertThat(classify).hasCandidateGroup("zags-coordinator").hasCandidateGroup("zags-coordinator-substitute")
                .hasDueDate(date("2026-11-23T09:25"));
        assertThat(registry.events(registered.id()).get(0).actor()).isEqualTo("zags-specialist");

        // When the coordinator sets regular importance and the legal department
        clock("2026-11-23T09:10");
        complete(instance, TASK_CLASSIFY, "zags-coordinator", form(VAR_IMPORTANCE, "REGULAR", VAR_DEPARTMENT, "yur",
                VAR_SHORTENED_DEADLINE, null));

        // Then the department's head and executors may receive it; no report of elevated importance is needed
        assertThat(instance).isWaitingAt(TASK_RECEIVE).hasPassed(END_NO_REPORT);
        assertThat(task(instance, TASK_RECEIVE)).hasCandidateGroup("zags-heads-yur").hasCandidateGroup("zags-executors-yur")
                .hasDueDate(date("2026-11-23T18:00"));
        assertThat(timer(instance, BOUNDARY_ANSWER_OVERDUE).getDuedate()).isEqualTo(date("2026-11-23T18:00"));
        assertThat(tasks.getVariable(task(instance, TASK_RECEIVE).getId(), VAR_EXECUTOR_OPTIONS)).asList()
                .anySatisfy(o -> assertThat(o.toString()).contains("value=zags-executor-yur"));

        // When the department head claims it at 10:30 (the receipt «под подпись») and names the executor at 10:35
        clock("2026-11-23T10:30");
        claim(instance, TASK_RECEIVE, "zags-head-yur");
        clock("2026-11-23T10:35");
        complete(instance, TASK_RECEIVE, "zags-head-yur", form(VAR_EXECUTOR, "zags-executor-yur"));

        // Then the executor drafts, due at the earlier of receipt + 5 h (16:30) and answer − 2 h 30 min (15:30): 15:30
        assertThat(instance).isWaitingAt(TASK_DRAFT).task().isAssignedTo("zags-executor-yur")
                .hasDueDate(date("2026-11-23T15:30"));
        assertThat(entry(instance).deadlines()).containsEntry("draft", at("2026-11-23T15:30"));
        assertThat(timer(instance, BOUNDARY_DRAFT_OVERDUE).getDuedate()).isEqualTo(date("2026-11-23T15:30"));

        // When the draft is submitted at 11:00 and the department head returns it at 11:20 with remarks
        clock("2026-11-23T11:00");
        complete(instance, TASK_DRAFT, "zags-executor-yur", form(VAR_ANSWER_KIND, "FINAL",
                VAR_ANSWER_TEXT, "Ольга, здравствуйте! Запись открыта в рамках программы, напишите нам в личные сообщения.",
                VAR_PHOTO_URL, null, VAR_VIDEO_URL, null));
        assertThat(instance).isWaitingAt(TASK_APPROVE).task().hasDueDate(date("2026-11-23T11:30"))
                .hasCandidateGroup("zags-heads-yur").hasCandidateGroup("zags-coordinator")
                .hasCandidateGroup("zags-coordinator-substitute");
        // ACC-11, MSG-22: the approver's form shows the style check of the draft (warnings only)
        java.util.Map<String, Object> approvalVariables = tasks.getVariables(task(instance, TASK_APPROVE).getId());
        assertThat((String) approvalVariables.get("styleSummary")).isNotBlank()
                .isEqualTo(styleChecker.check("Ольга, здравствуйте! Запись открыта в рамках программы, напишите нам "
                        + "в личные сообщения.").summary());
        assertThat((String) approvalVariables.get("styleWarnings")).contains("«в рамках»");
        clock("2026-11-23T11:20");
        complete(instance, TASK_APPROVE, "zags-head-yur", form(VAR_APPROVAL_DECISION, DECISION_RETURN,
                VAR_REMARKS, "Укажите адрес и часы приёма"));

        // Then the executor reworks it within 1 working hour
        assertThat(instance).isWaitingAt(TASK_REWORK).task().isAssignedTo("zags-executor-yur")
                .hasDueDate(date("2026-11-23T12:20"));
        assertThat(entry(instance).status()).isEqualTo(MessageStatus.REWORK);

        // When the reworked draft is submitted at 12:00 and the coordinator approves it at 12:10
        clock("2026-11-23T12:00");
        complete(instance, TASK_REWORK, "zags-executor-yur", form(VAR_ANSWER_KIND, "FINAL",
                VAR_ANSWER_TEXT, "Ольга, здравствуйте! Запись открыта: Кемерово, ул. Ноградская, 5, пн–пт 9–18."));
        assertThat(instance).isWaitingAt(TASK_APPROVE).task().hasDueDate(date("2026-11-23T12:30"));
        clock("2026-11-23T12:10");
        complete(instance, TASK_APPROVE, "zags-coordinator", form(VAR_APPROVAL_DECISION, DECISION_APPROVE, VAR_REMARKS, null));

        // Then a specialist posts it within 15 minutes and records link and time
        assertThat(instance).isWaitingAt(TASK_POST).task().hasCandidateGroup("zags-specialists")
                .hasDueDate(date("2026-11-23T12:25"));
        clock("2026-11-23T12:20");
        complete(instance, TASK_POST, "zags-specialist", form(VAR_ANSWER_URL, "https://vk.com/wall-100_777?reply=9",
                VAR_ANSWER_POSTED_AT, formTime("2026-11-23T12:18")));

        // Then the case ends «Ответ размещён» and the registry has every step, signed and timed
        assertThat(instance).isEnded().hasPassed(END_ANSWER_POSTED);
        MessageEntry answered = entry(instance);
        assertThat(answered.status()).isEqualTo(MessageStatus.ANSWERED);
        assertThat(answered.importance()).isEqualTo(Importance.REGULAR);
        assertThat(answered.departments()).containsExactly("yur");
        assertThat(answered.executor()).isEqualTo("zags-executor-yur");
        assertThat(answered.deadlines()).containsExactly(
                Map.entry("routing", at("2026-11-23T09:25")), Map.entry("answer", at("2026-11-23T18:00")),
                Map.entry("draft", at("2026-11-23T15:30")), Map.entry("approval", at("2026-11-23T12:30")),
                Map.entry("rework", at("2026-11-23T12:20")), Map.entry("posting", at("2026-11-23T12:25")));
        List<MessageEvent> events = registry.events(answered.id());
        assertThat(events).extracting(MessageEvent::step).containsExactly(
                MessageEvents.REGISTERED, MessageEvents.PROCESS_STARTED, MessageEvents.ROUTED, MessageEvents.RECEIVED,
                MessageEvents.EXECUTOR_ASSIGNED, MessageEvents.DRAFT_SUBMITTED, MessageEvents.RETURNED,
                MessageEvents.REWORKED, MessageEvents.APPROVED, MessageEvents.ANSWER_POSTED);
        MessageEvent receipt = events.get(3);
        assertThat(receipt.actor()).isEqualTo("zags-head-yur");
        assertThat(receipt.occurredAt()).isEqualTo(at("2026-11-23T10:30"));
        assertThat(receipt.ruleId()).isEqualTo("MSG-8");
        assertThat(events.get(2).actor()).isEqualTo("zags-coordinator");
        assertThat(events.get(6).details()).contains("Укажите адрес и часы приёма");
        assertThat(events.get(8).actor()).isEqualTo("zags-coordinator");
        assertThat(events.get(9).occurredAt()).isEqualTo(at("2026-11-23T12:18"));
        assertThat(registry.violations(answered.id())).isEmpty();
        assertThat(notificationsOf(answered)).isEmpty();
    }

    @Test
    @DisplayName("MSG-12, MSG-26: elevated importance — answer in 4 working hours, reported at once, acknowledged by the head")
    void elevatedImportance() {
        // Given a message detected on Tuesday 2026-11-24 at 10:05
        clock("2026-11-24T10:06");
        ProcessInstance instance = instance(reported("2026-11-24T10:05"));
        // MSG-11 until classified: 10:05–13:00 (2 h 55) + 14:00–18:00 (4 h) + 1 h 05 on Wednesday
        assertThat(entry(instance).deadlines()).containsEntry("routing", at("2026-11-24T10:30"))
                .containsEntry("answer", at("2026-11-25T10:05"));

        // When the coordinator's substitute (MSG-3) sets elevated importance
        clock("2026-11-24T10:15");
        complete(instance, TASK_CLASSIFY, "zags-substitute", form(VAR_IMPORTANCE, "ELEVATED", VAR_DEPARTMENT, "oto"));

        // Then the answer is due 4 working hours after detection: 2 h 55 before lunch + 1 h 05 → 15:05
        MessageEntry routed = entry(instance);
        assertThat(routed.importance()).isEqualTo(Importance.ELEVATED);
        assertThat(routed.deadlines()).containsEntry("answer", at("2026-11-24T15:05"));
        assertThat(timer(instance, BOUNDARY_ANSWER_OVERDUE).getDuedate()).isEqualTo(date("2026-11-24T15:05"));
        // 75 % of 4 h = 3 h after detection: 10:05 + 2 h 55 → 13:00, + 5 min after lunch
        assertThat(timer(instance, BOUNDARY_ANSWER_WARNING).getDuedate()).isEqualTo(date("2026-11-24T14:05"));

        // And the report to the coordinator and the head of the body goes out at once (asynchronously)
        assertThat(instance).isWaitingAt(TASK_REPORT_ELEVATED, TASK_RECEIVE);
        runAsyncJobs(instance);
        List<StoredNotification> sent = notificationsOf(routed);
        assertThat(sent).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.ELEVATED_IMPORTANCE);
            assertThat(n.groupIds()).containsExactlyInAnyOrder("zags-coordinator", "zags-coordinator-substitute", "zags-head");
            assertThat(n.subject()).contains(routed.businessKey());
            assertThat(n.body()).contains("24.11.2026 15:05", routed.url());
        });
        assertThat(instance).isWaitingAt(TASK_ACKNOWLEDGE_ELEVATED);
        assertThat(task(instance, TASK_ACKNOWLEDGE_ELEVATED)).hasCandidateGroup("zags-head");
        assertThat(journal(routed)).contains(MessageEvents.ELEVATED_REPORTED);

        // When the head of the body acknowledges with instructions
        complete(instance, TASK_ACKNOWLEDGE_ELEVATED, "zags-head", form("headInstructions", "Доложить об ответе"));
        assertThat(instance).hasPassed(END_HEAD_INFORMED);
        assertThat(registry.events(routed.id())).anySatisfy(e -> {
            assertThat(e.step()).isEqualTo(MessageEvents.ELEVATED_ACKNOWLEDGED);
            assertThat(e.actor()).isEqualTo("zags-head");
            assertThat(e.details()).contains("Доложить об ответе");
        });

        // When, the department head being away, an executor receives it directly at 10:20 and takes it
        clock("2026-11-24T10:20");
        claim(instance, TASK_RECEIVE, "zags-executor-oto");
        complete(instance, TASK_RECEIVE, "zags-executor-oto", form(VAR_EXECUTOR, "zags-executor-oto"));

        // Then the draft is due at the earlier of receipt + 2 h (12:20) and answer − 1 h 15 min (12:50): 12:20
        assertThat(instance).isWaitingAt(TASK_DRAFT).task().hasDueDate(date("2026-11-24T12:20"));
        assertThat(entry(instance).deadlines()).containsEntry("draft", at("2026-11-24T12:20"));

        // When the executor drafts, the coordinator approves within 15 minutes and a specialist posts
        clock("2026-11-24T11:00");
        complete(instance, TASK_DRAFT, "zags-executor-oto", form(VAR_ANSWER_KIND, "FINAL",
                VAR_ANSWER_TEXT, "Иван, спасибо! Повторное свидетельство выдаём в день обращения в любом отделе ЗАГС."));
        assertThat(task(instance, TASK_APPROVE)).hasDueDate(date("2026-11-24T11:15"));
        clock("2026-11-24T11:05");
        complete(instance, TASK_APPROVE, "zags-coordinator", form(VAR_APPROVAL_DECISION, DECISION_APPROVE));
        clock("2026-11-24T11:10");
        complete(instance, TASK_POST, "zags-specialist", form(VAR_ANSWER_URL, "https://vk.com/answer/1",
                VAR_ANSWER_POSTED_AT, formTime("2026-11-24T11:09")));

        // Then both branches are done
        assertThat(instance).isEnded().hasPassed(END_ANSWER_POSTED, END_HEAD_INFORMED);
        assertThat(entry(instance).status()).isEqualTo(MessageStatus.ANSWERED);
        assertThat(registry.violations(routed.id())).isEmpty();
    }

    @Test
    @DisplayName("MSG-8: the coordinator's shortened deadline replaces the regular one and must be earlier")
    void shortenedDeadline() {
        // Given a message detected on Tuesday 2026-11-24 at 09:00: regular answer due 18:00
        clock("2026-11-24T09:01");
        ProcessInstance instance = instance(reported("2026-11-24T09:00"));
        clock("2026-11-24T09:10");

        // When the coordinator orders a deadline later than the regular one, the form is refused
        assertThatThrownBy(() -> complete(instance, TASK_CLASSIFY, "zags-coordinator", form(VAR_IMPORTANCE, "REGULAR",
                VAR_DEPARTMENT, "oto", VAR_SHORTENED_DEADLINE, formTime("2026-11-24T18:30"))))
                .hasMessageContaining("Сокращённый срок ответа должен быть раньше установленного: 24.11.2026 18:00");
        assertThat(instance).isWaitingAt(TASK_CLASSIFY);
        // and so is one already past
        assertThatThrownBy(() -> complete(instance, TASK_CLASSIFY, "zags-coordinator", form(VAR_IMPORTANCE, "REGULAR",
                VAR_DEPARTMENT, "oto", VAR_SHORTENED_DEADLINE, formTime("2026-11-24T09:05"))))
                .hasMessageContaining("уже наступил");
        assertThat(entry(instance).status()).isEqualTo(MessageStatus.ROUTING);

        // When the coordinator orders an answer by 12:00
        complete(instance, TASK_CLASSIFY, "zags-coordinator", form(VAR_IMPORTANCE, "REGULAR", VAR_DEPARTMENT, "oto",
                VAR_SHORTENED_DEADLINE, formTime("2026-11-24T12:00")));

        // Then the case and the registry run to 12:00
        assertThat(entry(instance).deadlines()).containsEntry("answer", at("2026-11-24T12:00"));
        assertThat(timer(instance, BOUNDARY_ANSWER_OVERDUE).getDuedate()).isEqualTo(date("2026-11-24T12:00"));
        assertThat(registry.events(entry(instance).id())).anySatisfy(e -> assertThat(e.details())
                .contains("сокращённый срок"));
    }

    @Test
    @DisplayName("MSG-8: a post already in the registry is refused at registration in Tasklist")
    void duplicateRefused() {
        clock("2026-11-24T09:30");
        MessageEntry existing = reported("2026-11-24T09:20");
        String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
                .latestVersion().singleResult().getId();
        long before = runtime.createProcessInstanceQuery().count();

        assertThatThrownBy(() -> as("zags-specialist", () -> forms.submitStartForm(definitionId, form(
                VAR_DETECTED_AT, formTime("2026-11-24T09:25"), VAR_NETWORK, "VK", VAR_URL, existing.url(),
                VAR_TEXT, existing.text(), VAR_TOPIC, "Повтор", VAR_LOCATION, "Кемерово"))))
                .hasMessageContaining("уже внесено в реестр под номером " + existing.businessKey());
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
    }

    @Test
    @DisplayName("MSG-14, MSG-15: a return needs remarks; the executor reworks the draft")
    void returnNeedsRemarks() {
        clock("2026-11-25T11:00");
        ProcessInstance instance = startedBefore(TASK_APPROVE, "2026-11-25T09:00", Map.of(
                VAR_ANSWER_DUE, date("2026-11-25T17:00"), VAR_ANSWER_TEXT, "Проект"));

        assertThatThrownBy(() -> complete(instance, TASK_APPROVE, "zags-head-oto",
                form(VAR_APPROVAL_DECISION, DECISION_RETURN, VAR_REMARKS, " ")))
                .hasMessageContaining("Заполните поле «Замечания»");
        assertThat(instance).isWaitingAt(TASK_APPROVE);

        complete(instance, TASK_APPROVE, "zags-head-oto", form(VAR_APPROVAL_DECISION, DECISION_RETURN,
                VAR_REMARKS, "Добавьте фото"));
        assertThat(instance).isWaitingAt(TASK_REWORK).task().isAssignedTo("zags-executor-oto");
    }

    @Test
    @DisplayName("MSG-7: the executor must be one of the department's executors")
    void executorOfTheDepartment() {
        clock("2026-11-25T10:00");
        ProcessInstance instance = startedBefore(TASK_RECEIVE, "2026-11-25T09:40", Map.of(
                VAR_ANSWER_DUE, date("2026-11-25T17:40")));

        assertThatThrownBy(() -> complete(instance, TASK_RECEIVE, "zags-head-oto",
                form(VAR_EXECUTOR, "zags-executor-yur")))
                .hasMessageContaining("не входит в число исполнителей отдела «Организационно-территориальный отдел»");
        assertThat(instance).isWaitingAt(TASK_RECEIVE);
    }

    @Test
    @DisplayName("MSG-27: a violation is recorded once per deadline, whatever fires twice")
    void violationRecordedOnce() {
        clock("2026-11-25T12:00");
        MessageEntry entry = reported("2026-11-25T11:55");
        assertThat(registry.recordViolation(entry.id(), MessageStep.ROUTING, "MSG-8", "zags-coordinator",
                at("2026-11-25T12:20"), at("2026-11-25T12:21"))).isTrue();
        assertThat(registry.recordViolation(entry.id(), MessageStep.ROUTING, "MSG-8", "zags-coordinator",
                at("2026-11-25T12:20"), at("2026-11-25T12:25"))).isFalse();
        assertThat(registry.violations(entry.id())).hasSize(1);
        assertThat(registry.overdueSteps(entry.id())).containsExactly(MessageStep.ROUTING);
    }
}
