package ru.otklik.message;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import ru.otklik.calendar.WorkingTime;
import ru.otklik.calendar.WorkingTimeCalculator;
import ru.otklik.organization.OrganizationPolicies;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;

/**
 * Deadline arithmetic the diagram does not spell out itself; the durations of the acts stay in the diagram
 * as ISO-8601 literals. Bean {@code messageDeadlines}, usable in BPMN expressions. All in the organization's
 * working time.
 */
@Component("messageDeadlines")
public class MessageDeadlines {

    private final WorkingTime workingTime;
    private final OrganizationPolicies policies;
    private final double warningShare;

    public MessageDeadlines(WorkingTime workingTime, OrganizationPolicies policies, MessagesProperties properties) {
        this.workingTime = workingTime;
        this.policies = policies;
        this.warningShare = properties.warningShare();
    }

    /**
     * MSG-24: when to warn whoever holds a step that its deadline is near: {@code start} plus the configured
     * share ({@code otklik.messages.warning-share}, 75 % by default) of the working time from {@code start}
     * to {@code due}. Never later than the due date. For a warning timer:
     * {@code ${messageDeadlines.warningAt(execution, stepStartedAt, stepDue)}}.
     */
    public Date warningAt(VariableScope execution, Object start, Object due) {
        String org = organization(execution);
        ZoneId zone = zone(org);
        return Date.from(warningAt(org, Instants.of(start, zone), Instants.of(due, zone)));
    }

    /** MSG-24: see {@link #warningAt(VariableScope, Object, Object)}. */
    public Instant warningAt(String organization, Instant start, Instant due) {
        if (start == null || due == null) {
            throw new IllegalArgumentException("The start and the due date of the step are required");
        }
        if (!due.isAfter(start)) {
            return due;
        }
        WorkingTimeCalculator calculator = workingTime.forOrganization(organization);
        Duration span = calculator.between(start, due);
        Instant at = calculator.after(start, Duration.ofSeconds(Math.round(span.getSeconds() * warningShare)));
        return at.isAfter(due) ? due : at;
    }

    /**
     * MSG-8, MSG-11, MSG-12: the answer deadline in force after the coordinator's decision: the shortened
     * deadline if ordered, otherwise 8 working hours (regular) or 4 (elevated) after detection, which the
     * diagram computes as {@code regular} and {@code elevated}. A shortened deadline must lie after
     * {@code now} and before the deadline of the chosen importance.
     *
     * @throws MessageValidationException when the shortened deadline is not shorter or already past
     */
    public Instant answerDue(String organization, Importance importance, Instant regular, Instant elevated,
                             Instant shortened, Instant now) {
        Instant normal = importance == Importance.ELEVATED ? elevated : regular;
        if (normal == null) {
            throw new IllegalStateException("The " + importance + " answer deadline was not computed");
        }
        if (shortened == null) {
            return normal;
        }
        ZoneId zone = zone(organization);
        if (!shortened.isBefore(normal)) {
            throw new MessageValidationException("Сокращённый срок ответа должен быть раньше установленного: "
                    + Instants.format(normal, zone) + " (" + (importance == Importance.ELEVATED ? "MSG-12" : "MSG-11")
                    + "). Указано: " + Instants.format(shortened, zone) + ".");
        }
        if (!shortened.isAfter(now)) {
            throw new MessageValidationException("Сокращённый срок ответа уже наступил: "
                    + Instants.format(shortened, zone) + ". Укажите более позднее время или оставьте поле пустым.");
        }
        return shortened;
    }

    /** "30.11.2026 09:15" in the organization's zone, for forms and notifications. */
    public String format(String organization, Object instant) {
        ZoneId zone = zone(organization);
        return Instants.format(Instants.of(instant, zone), zone);
    }

    ZoneId zone(String organization) {
        return policies.get(organization).zone();
    }

    static String organization(VariableScope scope) {
        String tenant = scope instanceof DelegateExecution e ? e.getTenantId()
                : scope instanceof DelegateTask t ? t.getTenantId() : null;
        if (tenant == null) {
            throw new IllegalArgumentException("The case has no organization (tenant)");
        }
        return tenant;
    }
}
