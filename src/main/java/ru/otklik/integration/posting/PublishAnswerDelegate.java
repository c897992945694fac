package ru.otklik.integration.posting;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.otklik.message.AnswerKind;
import ru.otklik.message.MessageSteps;
import ru.otklik.system.EngineChecks;

import java.time.Instant;
import java.util.Date;
import java.util.Locale;

import static ru.otklik.message.MessageResponseProcess.*;

/**
 * {@code Task_PublishAnswer} (MSG-16), an asynchronous service task: posts the approved answer through the
 * network's API and records its link and time in the registry.
 *
 * <p>A temporary failure (too many requests, flood control, a timeout, the network's internal error) is
 * thrown, so that the job is retried on the diagram's {@code failedJobRetryTimeCycle}. A refused token or
 * answer, or any failure on the last attempt, ends in the BPMN error {@link #ERROR_NOT_PUBLISHED}: the
 * specialist posts by hand, and {@link PublishFailureListener} shows the reason as an incident in Cockpit.
 */
@Component("publishAnswerDelegate")
class PublishAnswerDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(PublishAnswerDelegate.class);

    static final String ERROR_NOT_PUBLISHED = "ANSWER_NOT_PUBLISHED";

    private final AnswerPublishing publishing;
    private final MessageSteps steps;
    private final ManagementService management;

    PublishAnswerDelegate(AnswerPublishing publishing, MessageSteps steps, ManagementService management) {
        this.publishing = publishing;
        this.steps = steps;
        this.management = management;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Answer answer = publishing.answer(execution);
        AnswerPublisher publisher = publishing.publisher(answer).orElseThrow(() ->
                new BpmnError(ERROR_NOT_PUBLISHED, "Размещение через API сети " + answer.network() + " не настроено."));
        Published published;
        try {
            published = publisher.publish(answer);
        } catch (PublishingException e) {
            if (e.kind() == PublishingException.Kind.TEMPORARY && !lastAttempt(execution)) {
                log.warn("Answer to message {} not posted yet, will retry: {}", answer.messageId(), e.getMessage());
                throw e;
            }
            String reason = e.kind() == PublishingException.Kind.TEMPORARY
                    ? "Попытки размещения через API исчерпаны. " + e.getMessage() : e.getMessage();
            log.warn("Answer to message {} not posted through the API, left to the specialist: {}",
                    answer.messageId(), reason);
            throw new BpmnError(ERROR_NOT_PUBLISHED, reason + " Разместите ответ вручную (MSG-16).");
        } catch (RuntimeException e) {
            if (!lastAttempt(execution)) {
                throw e;
            }
            log.error("Answer to message {} not posted through the API, left to the specialist", answer.messageId(), e);
            throw new BpmnError(ERROR_NOT_PUBLISHED, "Попытки размещения через API исчерпаны: сбой в Отклике ("
                    + e.getClass().getSimpleName() + "). Разместите ответ вручную (MSG-16).");
        }
        String kind = (String) execution.getVariable(VAR_ANSWER_KIND);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Instant at = steps.posted(answer.messageId(), answer.organization(), published.url(),
                Date.from(published.at()), ((Date) execution.getVariable(VAR_DETECTED_AT)).toInstant(),
                kind == null ? AnswerKind.FINAL : AnswerKind.valueOf(kind),
                answer.network().name().toLowerCase(Locale.ROOT) + "-api", now);
        execution.getProcessInstance().setVariable(VAR_ANSWER_URL, published.url());
        // MSG-17: the final answer's deadline counts from this instant
        execution.getProcessInstance().setVariable(VAR_ANSWER_POSTED_AT, Date.from(at));
    }

    /**
     * Whether this execution of the job is its last: after a failure the engine sets the retries from the
     * retry cycle and counts them down; a failure when one is left would make a failed-job incident that
     * stops the case, so the last attempt hands the answer to the specialist instead.
     */
    private boolean lastAttempt(DelegateExecution execution) {
        Job job = EngineChecks.withoutChecks(() -> management.createJobQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .activityId(execution.getCurrentActivityId()).singleResult());
        return job != null && job.getExceptionMessage() != null && job.getRetries() <= 1;
    }
}
