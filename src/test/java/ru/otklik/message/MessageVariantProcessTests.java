package ru.otklik.message;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import ru.otklik.content.moderation.ModerationAction;
import ru.otklik.content.moderation.ModerationLog;
import ru.otklik.content.moderation.ModerationReason;
import ru.otklik.notification.NotificationKind;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static ru.otklik.message.MessageResponseProcess.*;

/**
 * The variants of {@code MessageResponse} beyond the main path: return as not competent and re-routing,
 * joint answers, intermediate answers, clarification requests and messages not to be processed. Expected
 * instants are worked out by hand from the production calendar (Mon–Fri 09:00–13:00, 14:00–18:00,
 * Asia/Novokuznetsk; a pre-holiday day ends at 17:00).
 */
@DisplayName("MessageResponse: variants of the procedure")
class MessageVariantProcessTests extends MessageProcessTestSupport {

    @Autowired
    FormService forms;
    @Autowired
    RepositoryService repository;
    @Autowired
    MessageSteps steps;
    @Autowired
    ModerationLog moderationLog;
    @Autowired
    org.springframework.boot.test.web.client.TestRestTemplate rest;

    @Test
    @DisplayName("MSG-9, MSG-10, MSG-24: returned at 17:55 within 15 min, re-routed late the next morning, a late return is a violation, the answer deadline still counts from detection")
    void returnAsNotCompetent() {
        // Given a message detected on Tuesday 2026-11-24 at 15:00: answer due 3 h on Tuesday + 5 h on Wednesday
        clock("2026-11-24T15:02");
        MessageEntry reported = reported("2026-11-24T15:00");
        ProcessInstance instance = instance(reported);
        clock("2026-11-24T15:10");
        complete(instance, TASK_CLASSIFY, "zags-coordinator", form(VAR_IMPORTANCE, "REGULAR", VAR_DEPARTMENT, "arch"));
        assertThat(timer(instance, BOUNDARY_ANSWER_OVERDUE).getDuedate()).isEqualTo(date("2026-11-25T15:00"));

        // When the archive's head receives it at 17:45 and returns it at 17:55 as not the department's competence
        clock("2026-11-24T17:45");
        claim(instance, TASK_RECEIVE, "zags-head-arch");
        clock("2026-11-24T17:55");
        assertThatThrownBy(() -> complete(instance, TASK_RECEIVE, "zags-head-arch",
                form(VAR_RECEIPT_DECISION, RECEIPT_RETURN, VAR_RETURN_REASON, " ")))
                .hasMessageContaining("Причина возврата");
        complete(instance, TASK_RECEIVE, "zags-head-arch", form(VAR_RECEIPT_DECISION, RECEIPT_RETURN,
                VAR_RETURN_REASON, "Вопрос о госуслугах, не об архивных справках"));

        // Then it is back with the ОТО specialists, within the 15 minutes (due 18:00): no violation
        assertThat(instance).isWaitingAt(TASK_REROUTE).hasPassed(GATEWAY_COMPETENT);
        MessageEntry returned = entry(instance);
        assertThat(returned.status()).isEqualTo(MessageStatus.RETURNED);
        assertThat(returned.deadlines()).containsEntry("return", at("2026-11-24T18:00"))
                .containsEntry("reroute", at("2026-11-24T18:00"))
                .containsEntry("answer", at("2026-11-25T15:00"));
        assertThat(journal(returned)).contains(MessageEvents.RETURNED_NOT_COMPETENT);
        assertThat(registry.events(returned.id())).filteredOn(e -> e.step().equals(MessageEvents.RETURNED_NOT_COMPETENT))
                .singleElement().satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("zags-head-arch");
                    assertThat(e.occurredAt()).isEqualTo(at("2026-11-24T17:55"));
                    assertThat(e.details()).contains("не об архивных справках");
                });
        assertThat(registry.violations(returned.id())).isEmpty();
        // MSG-10: 5 working minutes; the warning at 75 % of them
        assertThat(task(instance, TASK_REROUTE)).hasCandidateGroup("zags-specialists").hasDueDate(date("2026-11-24T18:00"));
        assertThat(timer(instance, BOUNDARY_REROUTE_WARNING).getDuedate()).isEqualTo(date("2026-11-24T17:58:45"));

        // When nobody re-routes it that evening
        clock("2026-11-24T17:59");
        fire(instance, BOUNDARY_REROUTE_WARNING);
        clock("2026-11-25T09:01");
        fire(instance, BOUNDARY_REROUTE_OVERDUE);

        // Then the ОТО specialists are warned and answer for the breach (MSG-24: routing deadlines)
        assertThat(notificationsOf(returned)).filteredOn(n -> n.kind() == NotificationKind.DEADLINE_WARNING)
                .singleElement().satisfies(n -> assertThat(n.groupIds()).containsExactly("zags-specialists"));
        assertThat(registry.violations(returned.id())).containsExactly(new Violation("reroute", "MSG-10",
                "zags-specialists", at("2026-11-24T18:00"), at("2026-11-25T09:01")));
        assertThat(instance).hasPassed(TASK_WARN_REROUTE, TASK_ESCALATE_REROUTE);

        // When a specialist re-routes it to the legal department, whose head receives it at 09:10 and returns it
        // only at 09:30
        clock("2026-11-25T09:02");
        complete(instance, TASK_REROUTE, "zags-specialist", form(VAR_DEPARTMENT, "yur"));
        assertThat(instance).isWaitingAt(TASK_RECEIVE);
        assertThat(task(instance, TASK_RECEIVE)).hasCandidateGroup("zags-heads-yur");
        assertThat(entry(instance).departments()).containsExactly("yur");
        clock("2026-11-25T09:10");
        claim(instance, TASK_RECEIVE, "zags-head-yur");
        clock("2026-11-25T09:30");
        complete(instance, TASK_RECEIVE, "zags-head-yur", form(VAR_RECEIPT_DECISION, RECEIPT_RETURN,
                VAR_RETURN_REASON, "Не юридический вопрос"));

        // Then the late return is recorded against the head (MSG-9: due 09:25)
        assertThat(registry.violations(returned.id())).last().isEqualTo(new Violation("return", "MSG-9",
                "zags-head-yur", at("2026-11-25T09:25"), at("2026-11-25T09:30")));

        // When it is re-routed to ОТО and received at 09:40
        clock("2026-11-25T09:32");
        complete(instance, TASK_REROUTE, "zags-specialist", form(VAR_DEPARTMENT, "oto"));
        clock("2026-11-25T09:40");
        complete(instance, TASK_RECEIVE, "zags-head-oto", form(VAR_EXECUTOR, "zags-executor-oto"));

        // Then the draft counts from this receipt, but the answer deadline is still the one from detection:
        // min(09:40 + 5 h = 15:40, 15:00 − 2 h 30 = 11:30, lunch skipped)
        assertThat(instance).isWaitingAt(TASK_DRAFT).task().isAssignedTo("zags-executor-oto")
                .hasDueDate(date("2026-11-25T11:30"));
        assertThat(timer(instance, BOUNDARY_ANSWER_OVERDUE).getDuedate()).isEqualTo(date("2026-11-25T15:00"));
        assertThat(entry(instance).deadlines()).containsEntry("answer", at("2026-11-25T15:00"));
    }

    @Test
    @DisplayName("MSG-18, MSG-19, MSG-9: a joint answer of three departments, parts due Monday 12:45 across the weekend, one returned, one late, composed by 13:00")
    void jointAnswer() {
        // Given a message detected on Friday 2026-11-27 at 14:00: answer due 4 h on Friday + 4 h on Monday = 13:00
        clock("2026-11-27T14:02");
        MessageEntry reported = reported("2026-11-27T14:00");
        ProcessInstance instance = instance(reported);

        // When the coordinator names ОТО, the archive and the finance department
        clock("2026-11-27T14:10");
        complete(instance, TASK_CLASSIFY, "zags-coordinator", form(VAR_IMPORTANCE, "REGULAR", VAR_DEPARTMENT, "oto",
                VAR_JOINT_DEPARTMENTS, List.of("arch", "fin", "oto")));

        // Then each department receives its part in parallel
        assertThat(entry(instance).departments()).containsExactly("oto", "arch", "fin");
        assertThat(instance).hasPassed(GATEWAY_JOINT_ANSWER);
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK_RECEIVE_PART)
                .list()).hasSize(3);

        // When ОТО and finance receive at 14:20 and name their executors; the archive returns it at 14:30
        clock("2026-11-27T14:20");
        completePart(instance, TASK_RECEIVE_PART, "oto", "zags-head-oto", form(VAR_EXECUTOR, "zags-executor-oto"));
        completePart(instance, TASK_RECEIVE_PART, "fin", "zags-head-fin", form(VAR_EXECUTOR, "zags-executor-fin"));
        claimPart(instance, "arch", "zags-head-arch");
        clock("2026-11-27T14:30");
        completePart(instance, TASK_RECEIVE_PART, "arch", "zags-head-arch", form(VAR_RECEIPT_DECISION, RECEIPT_RETURN,
                VAR_RETURN_REASON, "Архив не ведёт приём граждан"));

        // Then the archive's part ends, the others go on; each part is due 15 min before the answer: Monday 12:45
        assertThat(instance).hasPassed(END_PART_RETURNED);
        List<Task> parts = tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(TASK_PREPARE_PART).list();
        assertThat(parts).extracting(Task::getAssignee).containsExactlyInAnyOrder("zags-executor-oto", "zags-executor-fin");
        assertThat(parts).allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(date("2026-11-30T12:45")));
        assertThat(entry(instance).deadlines()).containsEntry("part", at("2026-11-30T12:45"));
        assertThat(registry.violations(reported.id())).isEmpty();
        // 75 % of 3 h 40 (Friday) + 3 h 45 (Monday) = 5 h 33 min 45 s: Monday 10:53:45
        assertThat(partTimer(instance, BOUNDARY_PART_WARNING, "oto").getDuedate()).isEqualTo(date("2026-11-30T10:53:45"));

        // When ОТО is warned on Monday and sends its part at 11:00; finance misses 12:45 and sends at 12:50
        clock("2026-11-30T10:54");
        management.executeJob(partTimer(instance, BOUNDARY_PART_WARNING, "oto").getId());
        assertThat(notificationsOf(reported)).filteredOn(n -> n.kind() == NotificationKind.DEADLINE_WARNING)
                .singleElement().satisfies(n -> assertThat(n.userIds()).containsExactly("zags-executor-oto"));
        clock("2026-11-30T11:00");
        completePart(instance, TASK_PREPARE_PART, "oto", "zags-executor-oto",
                form(VAR_PART_TEXT, "Запись на регистрацию открыта на Госуслугах.", VAR_PHOTO_URL, null));
        clock("2026-11-30T12:46");
        management.executeJob(partTimer(instance, BOUNDARY_PART_OVERDUE, "fin").getId());
        assertThat(registry.violations(reported.id())).containsExactly(new Violation("part", "MSG-18",
                "zags-executor-fin", at("2026-11-30T12:45"), at("2026-11-30T12:46")));
        clock("2026-11-30T12:50");
        completePart(instance, TASK_PREPARE_PART, "fin", "zags-executor-fin",
                form(VAR_PART_TEXT, "Госпошлина оплачивается онлайн со скидкой.", VAR_VIDEO_URL, "https://vk.com/video-1_2"));

        // Then an ОТО specialist composes the joint draft by the answer deadline, from both parts
        assertThat(instance).isWaitingAt(TASK_COMPOSE_JOINT).hasPassed(TASK_WARN_PART, TASK_ESCALATE_PART);
        Task compose = task(instance, TASK_COMPOSE_JOINT);
        assertThat(compose).hasCandidateGroup("zags-specialists").hasDueDate(date("2026-11-30T13:00"));
        assertThat((String) tasks.getVariableLocal(compose.getId(), VAR_JOINT_PARTS_TEXT))
                .contains("oto: Запись на регистрацию открыта", "fin: Госпошлина", "Архив не ведёт приём");
        clock("2026-11-30T12:52");
        complete(instance, TASK_COMPOSE_JOINT, "zags-specialist", form(VAR_ANSWER_KIND, "FINAL",
                VAR_ANSWER_TEXT, "Здравствуйте! Запись открыта на Госуслугах, госпошлину можно оплатить онлайн со скидкой."));

        // And it goes through approval and posting as usual
        assertThat(instance).isWaitingAt(TASK_APPROVE);
        complete(instance, TASK_APPROVE, "zags-coordinator", form(VAR_APPROVAL_DECISION, DECISION_APPROVE));
        clock("2026-11-30T12:58");
        complete(instance, TASK_POST, "zags-specialist", form(VAR_ANSWER_URL, "https://vk.com/wall-1_1?reply=2",
                VAR_ANSWER_POSTED_AT, formTime("2026-11-30T12:57")));
        assertThat(instance).isEnded().hasPassed(GATEWAY_ANSWER_KIND, END_ANSWER_POSTED);
        assertThat(entry(instance).status()).isEqualTo(MessageStatus.ANSWERED);
        assertThat(journal(entry(instance))).contains(MessageEvents.PART_SUBMITTED, MessageEvents.JOINT_COMPOSED);
    }

    @Test
    @DisplayName("MSG-17: an intermediate answer posted on 30.04.2026, the day before the May holidays — the final answer is due 13.05.2026 18:00, with its own cycle")
    void intermediateAnswer() {
        // Given an approved intermediate answer on the shortened pre-holiday day
        clock("2026-04-30T15:50");
        ProcessInstance instance = startedBefore(TASK_POST, "2026-04-30T09:00", Map.of(
                VAR_ANSWER_DUE, date("2026-05-04T10:00"), VAR_RECEIVED_AT, date("2026-04-30T09:30"),
                VAR_ANSWER_KIND, "INTERMEDIATE", VAR_ANSWER_TEXT, "Проверяем информацию, ответим в течение недели."));

        // When it is posted at 15:58
        clock("2026-04-30T16:00");
        complete(instance, TASK_POST, "zags-specialist", form(VAR_ANSWER_URL, "https://ok.ru/group/1/topic/1?r=1",
                VAR_ANSWER_POSTED_AT, formTime("2026-04-30T15:58")));

        // Then the case stays open: 7 working days after 30.04 are 4–8 and 12–13 May (1 and 11 May are holidays)
        assertThat(instance).isNotEnded().hasPassed(TASK_SCHEDULE_FINAL_ANSWER, GATEWAY_ANSWER_ROUND);
        MessageEntry entry = entry(instance);
        assertThat(entry.deadlines()).containsEntry("answer", at("2026-05-13T18:00"));
        assertThat(journal(entry)).contains(MessageEvents.ANSWER_POSTED, MessageEvents.FINAL_ANSWER_DUE);
        assertThat(timer(instance, BOUNDARY_ANSWER_OVERDUE).getDuedate()).isEqualTo(date("2026-05-13T18:00"));
        // 75 % of 1 h 02 (30.04) + 32 h (4–7 May) + 7 h (8 May, shortened) + 16 h (12–13 May): 12 May 10:59:30
        assertThat(timer(instance, BOUNDARY_ANSWER_WARNING).getDuedate()).isEqualTo(date("2026-05-12T10:59:30"));
        // the executor drafts the final answer at once, due 2 h 30 before the answer deadline (MSG-13)
        assertThat(instance).isWaitingAt(TASK_DRAFT).task().isAssignedTo("zags-executor-oto")
                .hasDueDate(date("2026-05-13T15:30"));

        // When the final answer is drafted, approved and posted on 12 May
        clock("2026-05-12T10:00");
        complete(instance, TASK_DRAFT, "zags-executor-oto", form(VAR_ANSWER_KIND, "FINAL",
                VAR_ANSWER_TEXT, "Проверили: телефон горячей линии восстановлен."));
        complete(instance, TASK_APPROVE, "zags-coordinator", form(VAR_APPROVAL_DECISION, DECISION_APPROVE));
        clock("2026-05-12T10:20");
        complete(instance, TASK_POST, "zags-specialist", form(VAR_ANSWER_URL, "https://ok.ru/group/1/topic/1?r=2",
                VAR_ANSWER_POSTED_AT, formTime("2026-05-12T10:15")));

        // Then the case is closed
        assertThat(instance).isEnded().hasPassed(END_ANSWER_POSTED);
        assertThat(entry(instance).status()).isEqualTo(MessageStatus.ANSWERED);
    }

    @Test
    @DisplayName("MSG-6, MSG-13: a clarification request posted on Friday, the author replies on Saturday — the new round counts from Monday 09:00")
    void clarificationRequest() {
        // Given an approved clarification request
        clock("2026-11-27T10:50");
        ProcessInstance instance = startedBefore(TASK_POST, "2026-11-27T09:00", Map.of(
                VAR_ANSWER_DUE, date("2026-11-27T17:00"), VAR_RECEIVED_AT, date("2026-11-27T09:20"),
                VAR_ANSWER_KIND, "CLARIFICATION", VAR_ANSWER_TEXT, "Уточните, пожалуйста, в каком отделе вы были?"));

        // When it is posted at 11:00
        clock("2026-11-27T11:00");
        complete(instance, TASK_POST, "zags-specialist", form(VAR_ANSWER_URL, "https://ok.ru/group/1/topic/2?r=1",
                VAR_ANSWER_POSTED_AT, formTime("2026-11-27T11:00")));

        // Then the case waits for the author's reply
        assertThat(instance).isWaitingAt(TASK_RECORD_AUTHOR_REPLY);
        assertThat(entry(instance).status()).isEqualTo(MessageStatus.AWAITING_REPLY);
        assertThat(task(instance, TASK_RECORD_AUTHOR_REPLY)).hasCandidateGroup("zags-specialists");

        // When a specialist records on Monday 08:50 the reply detected on Saturday 11:00 (not one before the request)
        clock("2026-11-30T08:50");
        assertThatThrownBy(() -> complete(instance, TASK_RECORD_AUTHOR_REPLY, "zags-specialist", form(
                VAR_REPLY_DETECTED_AT, formTime("2026-11-27T10:00"), VAR_REPLY_TEXT, "В Заводском")))
                .hasMessageContaining("раньше, чем размещён уточняющий вопрос");
        complete(instance, TASK_RECORD_AUTHOR_REPLY, "zags-specialist", form(
                VAR_REPLY_DETECTED_AT, formTime("2026-11-28T11:00"), VAR_REPLY_TEXT, "В Заводском районе, в пятницу",
                VAR_REPLY_URL, "https://ok.ru/group/1/topic/2?r=2"));

        // Then a new answer round counts from Monday 09:00: answer 18:00, draft min(14:00 + 1 h = 15:00, 15:30)
        assertThat(instance).isWaitingAt(TASK_DRAFT).task().isAssignedTo("zags-executor-oto")
                .hasDueDate(date("2026-11-30T15:00"));
        assertThat(timer(instance, BOUNDARY_ANSWER_OVERDUE).getDuedate()).isEqualTo(date("2026-11-30T18:00"));
        MessageEntry entry = entry(instance);
        assertThat(entry.deadlines()).containsEntry("answer", at("2026-11-30T18:00")).containsEntry("draft", at("2026-11-30T15:00"));
        assertThat(registry.events(entry.id())).filteredOn(e -> e.step().equals(MessageEvents.AUTHOR_REPLIED))
                .singleElement().satisfies(e -> assertThat(e.occurredAt()).isEqualTo(at("2026-11-28T11:00")));

        // When the answer is drafted, approved and posted
        clock("2026-11-30T10:00");
        complete(instance, TASK_DRAFT, "zags-executor-oto", form(VAR_ANSWER_KIND, "FINAL",
                VAR_ANSWER_TEXT, "Спасибо! Передали руководителю Заводского отдела, с вами свяжутся."));
        complete(instance, TASK_APPROVE, "zags-coordinator", form(VAR_APPROVAL_DECISION, DECISION_APPROVE));
        complete(instance, TASK_POST, "zags-specialist", form(VAR_ANSWER_URL, "https://ok.ru/group/1/topic/2?r=3",
                VAR_ANSWER_POSTED_AT, formTime("2026-11-30T10:00")));
        assertThat(instance).isEnded().hasPassed(TASK_RECORD_AUTHOR_REPLY, END_ANSWER_POSTED);
    }

    @Test
    @DisplayName("MSG-23, ACC-10: marked at registration as not to be processed — no answer, comment deleted, moderation log; blacklisting mandatory for nkr")
    void notToBeProcessed() {
        // Given a specialist registers an insulting comment and marks it as not to be processed
        clock("2026-11-23T10:02");
        String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
                .latestVersion().singleResult().getId();
        ProcessInstance[] started = new ProcessInstance[1];
        as("zags-specialist", () -> started[0] = forms.submitStartForm(definitionId, form(
                VAR_DETECTED_AT, formTime("2026-11-23T10:00"), VAR_NETWORK, "VK",
                VAR_URL, "https://vk.com/wall-100_9001", VAR_AUTHOR_NAME, "Аноним", VAR_AUTHOR_ID, "id666",
                VAR_TEXT, "Оскорбительный комментарий", VAR_TOPIC, "—", VAR_LOCATION, "Кемерово",
                VAR_NOT_TO_BE_PROCESSED, true)));
        ProcessInstance instance = started[0];

        // Then nobody classifies it: a specialist moderates it
        assertThat(instance).isWaitingAt(TASK_MODERATE).hasPassed(GATEWAY_TO_BE_PROCESSED)
                .hasNotPassed(TASK_CLASSIFY);
        assertThat(task(instance, TASK_MODERATE)).hasCandidateGroup("zags-specialists");

        // When the comment is not confirmed deleted, the task stays open
        assertThatThrownBy(() -> complete(instance, TASK_MODERATE, "zags-specialist", form(
                VAR_MODERATION_REASON, "OBSCENE", VAR_COMMENT_DELETED, false, VAR_AUTHOR_BLACKLISTED, false)))
                .hasMessageContaining("Удалите комментарий");
        complete(instance, TASK_MODERATE, "zags-specialist", form(VAR_MODERATION_REASON, "OBSCENE",
                VAR_COMMENT_DELETED, true, VAR_AUTHOR_BLACKLISTED, true, VAR_MODERATION_NOTES, "Заблокирован в группе"));

        // Then the case ends without an answer and the moderation log has the entry
        assertThat(instance).isEnded().hasPassed(END_NOT_PROCESSED).hasNotPassed(END_ANSWER_POSTED);
        MessageEntry entry = entry(instance);
        assertThat(entry.status()).isEqualTo(MessageStatus.NOT_PROCESSED);
        assertThat(registry.moderation(entry.id())).hasValueSatisfying(m -> {
            assertThat(m.reason()).isEqualTo("OBSCENITY");
            assertThat(m.commentDeleted()).isTrue();
            assertThat(m.authorBlacklisted()).isTrue();
            assertThat(m.authorId()).isEqualTo("id666");
            assertThat(m.moderatedBy()).isEqualTo("zags-specialist");
            assertThat(m.moderatedAt()).isEqualTo(at("2026-11-23T10:02"));
        });
        assertThat(journal(entry)).contains(MessageEvents.MODERATED).doesNotContain(MessageEvents.ANSWER_POSTED);

        // And the row was written through the system's one moderation log (ACC-10)
        assertThat(moderationLog.forMessage(entry.id())).hasValueSatisfying(m -> {
            assertThat(m.reason()).isEqualTo(ModerationReason.OBSCENITY);
            assertThat(m.action()).isEqualTo(ModerationAction.DELETED_AND_BLACKLISTED);
            assertThat(m.source()).isEqualTo("MESSAGE");
            assertThat(m.accountId()).isNull();
        });
    }

    @Test
    @DisplayName("MSG-23, ACC-10: for nkr the moderation log refuses to record it without blacklisting the author; the task stays open")
    void notToBeProcessedNkrBlacklistMandatory() {
        clock("2026-11-23T10:02");
        String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
                .latestVersion().singleResult().getId();
        ProcessInstance[] started = new ProcessInstance[1];
        asNkr("nkr-specialist", () -> started[0] = forms.submitStartForm(definitionId, form(
                VAR_DETECTED_AT, formTime("2026-11-23T10:00"), VAR_NETWORK, "VK",
                VAR_URL, "https://vk.com/wall-200_" + System.nanoTime(), VAR_AUTHOR_NAME, "Аноним",
                VAR_AUTHOR_ID, "id777", VAR_TEXT, "Угроза", VAR_TOPIC, "—", VAR_LOCATION, "Новокузнецк",
                VAR_NOT_TO_BE_PROCESSED, true)));
        ProcessInstance instance = started[0];
        assertThat(instance).isWaitingAt(TASK_MODERATE);
        String taskId = task(instance, TASK_MODERATE).getId();
        asNkr("nkr-specialist", () -> tasks.claim(taskId, "nkr-specialist"));

        assertThatThrownBy(() -> asNkr("nkr-specialist", () -> tasks.complete(taskId, form(
                VAR_MODERATION_REASON, "THREAT", VAR_COMMENT_DELETED, true, VAR_AUTHOR_BLACKLISTED, false))))
                .hasMessageContaining("Автора необходимо внести в чёрный список").hasMessageContaining("ACC-10");
        assertThat(instance).isWaitingAt(TASK_MODERATE);
        assertThat(moderationLog.forMessage(entry(instance).id())).isEmpty();

        asNkr("nkr-specialist", () -> tasks.complete(taskId, form(VAR_MODERATION_REASON, "THREAT",
                VAR_COMMENT_DELETED, true, VAR_AUTHOR_BLACKLISTED, true)));
        assertThat(instance).isEnded().hasPassed(END_NOT_PROCESSED);
        assertThat(moderationLog.forMessage(entry(instance).id())).hasValueSatisfying(m -> {
            assertThat(m.reason()).isEqualTo(ModerationReason.THREAT);
            assertThat(m.action()).isEqualTo(ModerationAction.DELETED_AND_BLACKLISTED);
            assertThat(m.organization()).isEqualTo("nkr");
        });
    }

    /** Runs as a user of nkr (the support's {@code as} works in zags). */
    private void asNkr(String userId, Runnable action) {
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId).toList();
        identity.setAuthentication(userId, groups, List.of("nkr"));
        try {
            action.run();
        } finally {
            identity.clearAuthentication();
        }
    }

    @Test
    @DisplayName("MSG-20, MSG-21: a repeat matched by author, network and topic, confirmed by the specialist, goes to the earlier department; its answer needs the measures taken")
    void repeatMatched() {
        // Given an earlier case of the same author on the same topic, routed to the archive a week before
        clock("2026-11-16T10:02");
        ProcessInstance earlierCase = instance(reportedBy("id-repeat-1", "Архивные справки", "2026-11-16T10:00"));
        complete(earlierCase, TASK_CLASSIFY, "zags-coordinator", form(VAR_IMPORTANCE, "REGULAR", VAR_DEPARTMENT, "arch"));
        MessageEntry earlier = entry(earlierCase);

        // When the author writes again on 24.11
        clock("2026-11-24T10:02");
        ProcessInstance instance = instance(reportedBy("id-repeat-1", "архивные справки", "2026-11-24T10:00"));

        // Then a specialist is asked to confirm the match
        assertThat(instance).isWaitingAt(TASK_CONFIRM_REPEAT).hasPassed(GATEWAY_REPEAT_SUSPECTED);
        assertThat(runtime.getVariable(instance.getId(), VAR_REPEAT_CANDIDATE)).isEqualTo(earlier.businessKey());
        complete(instance, TASK_CONFIRM_REPEAT, "zags-specialist", form(VAR_REPEAT_CONFIRMED, "YES"));

        // Then it is a repeat: the coordinator's form offers the department that handled the earlier case
        assertThat(instance).isWaitingAt(TASK_CLASSIFY);
        assertThat(registry.repeatOf(entry(instance).id())).contains(earlier.businessKey());
        assertThat(runtime.getVariable(instance.getId(), VAR_DEPARTMENT)).isEqualTo("arch");
        assertThat(journal(entry(instance))).contains(MessageEvents.REPEAT_OF);
        complete(instance, TASK_CLASSIFY, "zags-coordinator", form(VAR_IMPORTANCE, "REGULAR", VAR_DEPARTMENT, "arch"));
        complete(instance, TASK_RECEIVE, "zags-head-arch", form(VAR_EXECUTOR, "zags-executor-arch"));

        // When the executor drafts without «Принятые меры / ход решения вопроса», the draft is refused
        clock("2026-11-24T11:00");
        assertThatThrownBy(() -> complete(instance, TASK_DRAFT, "zags-executor-arch", form(VAR_ANSWER_KIND, "FINAL",
                VAR_ANSWER_TEXT, "Справка готова.")))
                .hasMessageContaining("Принятые меры / ход решения вопроса");
        complete(instance, TASK_DRAFT, "zags-executor-arch", form(VAR_ANSWER_KIND, "FINAL", VAR_ANSWER_TEXT,
                "Справка готова, можно забрать.", VAR_MEASURES_TAKEN, "Запрос в архив исполнен 20.11, справка подписана."));

        // And an approval without the measures is refused too
        runtime.setVariable(instance.getId(), VAR_MEASURES_TAKEN, " ");
        assertThatThrownBy(() -> complete(instance, TASK_APPROVE, "zags-coordinator",
                form(VAR_APPROVAL_DECISION, DECISION_APPROVE))).hasMessageContaining("нельзя согласовать");
        complete(instance, TASK_APPROVE, "zags-coordinator", form(VAR_APPROVAL_DECISION, DECISION_APPROVE,
                VAR_MEASURES_TAKEN, "Запрос в архив исполнен 20.11, справка подписана."));
        assertThat(instance).isWaitingAt(TASK_POST);
    }

    @Test
    @DisplayName("MSG-20: a repeat marked by reference is linked at once; a suspected match the specialist rejects is a new message")
    void repeatByReferenceAndRejected() {
        // Given an earlier case routed to the legal department
        clock("2026-11-17T10:02");
        ProcessInstance earlierCase = instance(reportedBy("id-repeat-2", "Регистрация брака", "2026-11-17T10:00"));
        complete(earlierCase, TASK_CLASSIFY, "zags-coordinator", form(VAR_IMPORTANCE, "REGULAR", VAR_DEPARTMENT, "yur"));
        MessageEntry earlier = entry(earlierCase);

        // When a message is reported as its repeat by reference
        clock("2026-11-25T10:02");
        MessageEntry byReference = registry.register(message("id-other", "Другая тема", "2026-11-25T10:00"), "monitoring")
                .entry();
        ProcessInstance referenced = instance(process.start(byReference, earlier.businessKey()));

        // Then no confirmation is needed: it goes to the legal department
        assertThat(referenced).isWaitingAt(TASK_CLASSIFY).hasNotPassed(TASK_CONFIRM_REPEAT);
        assertThat(runtime.getVariable(referenced.getId(), VAR_DEPARTMENT)).isEqualTo("yur");
        assertThat(registry.repeatOf(byReference.id())).contains(earlier.businessKey());

        // When another message of the same author and topic is not a repeat in the specialist's view
        ProcessInstance suspected = instance(reportedBy("id-repeat-2", "Регистрация брака", "2026-11-25T10:00"));
        assertThat(suspected).isWaitingAt(TASK_CONFIRM_REPEAT);
        complete(suspected, TASK_CONFIRM_REPEAT, "zags-specialist", form(VAR_REPEAT_CONFIRMED, "NO"));

        // Then it is a new message
        assertThat(suspected).isWaitingAt(TASK_CLASSIFY);
        assertThat(registry.repeatOf(entry(suspected).id())).isEmpty();
        assertThat(runtime.getVariable(suspected.getId(), VAR_IS_REPEAT)).isNull();
        assertThat(journal(entry(suspected))).contains(MessageEvents.REPEAT_REJECTED);
    }

    private static final java.util.concurrent.atomic.AtomicInteger repeatPosts = new java.util.concurrent.atomic.AtomicInteger();

    private NewMessage message(String authorId, String topic, String detectedLocal) {
        int n = repeatPosts.incrementAndGet();
        return new NewMessage(ORG, ru.otklik.organization.Network.VK, "repeat-" + n, "https://vk.com/wall-7_" + n,
                "Пётр Сидоров", authorId, "Когда будет готова справка?", null, at(detectedLocal), topic, "Кемерово");
    }

    private MessageEntry reportedBy(String authorId, String topic, String detectedLocal) {
        return process.start(registry.register(message(authorId, topic, detectedLocal), "monitoring").entry());
    }

    @Test
    @DisplayName("MSG-8, MSG-18: a shortened deadline drives every derived deadline — joint parts due 15 working minutes before it, across lunch")
    void shortenedDeadlineDrivesParts() {
        // Given a message detected on Monday 2026-11-23 at 09:00 (regular answer due 18:00)
        clock("2026-11-23T09:02");
        ProcessInstance instance = instance(reported("2026-11-23T09:00"));

        // When the coordinator orders the answer by 14:00 from ОТО and the legal department
        clock("2026-11-23T09:10");
        complete(instance, TASK_CLASSIFY, "zags-coordinator", form(VAR_IMPORTANCE, "REGULAR", VAR_DEPARTMENT, "oto",
                VAR_JOINT_DEPARTMENTS, "yur", VAR_SHORTENED_DEADLINE, formTime("2026-11-23T14:00")));

        // Then the answer timers and the receipts run against 14:00
        assertThat(timer(instance, BOUNDARY_ANSWER_OVERDUE).getDuedate()).isEqualTo(date("2026-11-23T14:00"));
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK_RECEIVE_PART).list())
                .hasSize(2).allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(date("2026-11-23T14:00")));

        // When the legal department receives it at 09:30
        clock("2026-11-23T09:30");
        completePart(instance, TASK_RECEIVE_PART, "yur", "zags-head-yur", form(VAR_EXECUTOR, "zags-executor-yur"));

        // Then its part is due 15 working minutes before 14:00: the lunch hour does not count, so 12:45
        assertThat(partTask(instance, TASK_PREPARE_PART, "yur")).hasDueDate(date("2026-11-23T12:45"));
        assertThat(entry(instance).deadlines()).containsEntry("answer", at("2026-11-23T14:00"))
                .containsEntry("part", at("2026-11-23T12:45"));
    }

    @Test
    @DisplayName("MSG-6, MSG-13: the author's reply reported through intake with a reference to the case restarts the answer cycle from its detection")
    void clarificationReplyThroughIntake() {
        // Given a posted clarification request
        clock("2026-11-26T10:50");
        ProcessInstance instance = startedBefore(TASK_POST, "2026-11-26T09:00", Map.of(
                VAR_ANSWER_DUE, date("2026-11-26T17:00"), VAR_RECEIVED_AT, date("2026-11-26T09:20"),
                VAR_ANSWER_KIND, "CLARIFICATION", VAR_ANSWER_TEXT, "Уточните номер записи акта, пожалуйста."));
        String businessKey = instance.getBusinessKey();
        clock("2026-11-26T11:00");
        complete(instance, TASK_POST, "zags-specialist", form(VAR_ANSWER_URL, "https://ok.ru/group/1/topic/3?r=1",
                VAR_ANSWER_POSTED_AT, formTime("2026-11-26T11:00")));

        // When monitoring reports the author's reply, detected on Thursday at 16:30, with a reference to the case
        clock("2026-11-26T16:31");
        Map<String, Object> reply = new java.util.HashMap<>(Map.of("org", ORG, "network", "OK",
                "url", "https://ok.ru/group/1/topic/3?r=2", "text", "Номер записи 170", "inReplyTo", businessKey,
                "detectedAt", "2026-11-26T16:30:00+07:00"));
        ResponseEntity<com.fasterxml.jackson.databind.JsonNode> answer = rest.withBasicAuth("zags-intake", "demo")
                .postForEntity("/api/messages", reply, com.fasterxml.jackson.databind.JsonNode.class);

        // Then the case's next round counts from 16:30: answer 1 h 30 on Thursday + 6 h 30 on Friday (lunch skipped) = 16:30
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody().path("businessKey").asText()).isEqualTo(businessKey);
        assertThat(instance).isWaitingAt(TASK_DRAFT).hasPassed(TASK_RECORD_AUTHOR_REPLY);
        assertThat(timer(instance, BOUNDARY_ANSWER_OVERDUE).getDuedate()).isEqualTo(date("2026-11-27T16:30"));
        assertThat(registry.events(entry(instance).id())).filteredOn(e -> e.step().equals(MessageEvents.AUTHOR_REPLIED))
                .singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo("zags-intake"));

        // And a reply to a case that awaits none is refused
        assertThat(rest.withBasicAuth("zags-intake", "demo").postForEntity("/api/messages", reply,
                com.fasterxml.jackson.databind.JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    // ---- the parts of a joint answer ----

    private Task partTask(ProcessInstance instance, String taskKey, String department) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).list().stream()
                .filter(t -> department.equals(tasks.getVariable(t.getId(), VAR_DEPARTMENT))).findFirst().orElseThrow();
    }

    private void claimPart(ProcessInstance instance, String department, String userId) {
        Task task = partTask(instance, TASK_RECEIVE_PART, department);
        as(userId, () -> tasks.claim(task.getId(), userId));
    }

    private void completePart(ProcessInstance instance, String taskKey, String department, String userId,
                              Map<String, Object> form) {
        Task task = partTask(instance, taskKey, department);
        as(userId, () -> {
            if (task.getAssignee() == null) {
                tasks.claim(task.getId(), userId);
            }
            tasks.complete(task.getId(), form);
        });
    }

    private Job partTimer(ProcessInstance instance, String boundaryEventId, String department) {
        return management.createJobQuery().processInstanceId(instance.getId()).activityId(boundaryEventId).list().stream()
                .filter(j -> department.equals(runtime.getVariable(j.getExecutionId(), VAR_DEPARTMENT)))
                .findFirst().orElseThrow();
    }
}
