package ru.otklik.account;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import ru.otklik.calendar.WorkingTime;
import ru.otklik.organization.OrganizationPolicies;
import ru.otklik.organization.OrganizationPolicy;
import ru.otklik.organization.OrganizationPolicy.TermKind;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/**
 * The terms of the account duties, for BPMN expressions (bean {@code accountDeadlines}) and Java callers.
 * The ACC-4 term differs per organization, so it comes from the organization's policy file
 * ({@code organizations/<id>.yml}, {@code accountReporting}) through process variables set at the start.
 */
@Component("accountDeadlines")
public class AccountDeadlines {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final WorkingTime workingTime;
    private final OrganizationPolicies policies;
    private final AccountsProperties properties;

    public AccountDeadlines(WorkingTime workingTime, OrganizationPolicies policies, AccountsProperties properties) {
        this.workingTime = workingTime;
        this.policies = policies;
        this.properties = properties;
    }

    /**
     * ACC-4: when the report of a created or deleted account is due, from the variables {@code reportTermKind}
     * (CALENDAR_DAYS or WORKING_DAYS), {@code reportTermDays} and {@code reportFrom} (the date of creation or
     * deletion) in the organization (tenant) of the instance. For a timer:
     * {@code ${accountDeadlines.reportDue(execution)}}.
     */
    public Date reportDue(VariableScope execution) {
        String org = organization(execution);
        Object kind = execution.getVariable(AccountLifecycleProcess.VAR_REPORT_TERM_KIND);
        Object days = execution.getVariable(AccountLifecycleProcess.VAR_REPORT_TERM_DAYS);
        Object from = execution.getVariable(AccountLifecycleProcess.VAR_REPORT_FROM);
        if (kind == null || days == null || from == null) {
            throw new IllegalStateException("The report term needs reportTermKind, reportTermDays and reportFrom");
        }
        Instant due = reportDue(org, TermKind.valueOf(kind.toString()), ((Number) days).intValue(),
                AccountRules.date(from, AccountLifecycleProcess.VAR_REPORT_FROM));
        if (due == null) {
            throw new IllegalStateException("Organization " + org + " reports to nobody (ACC-4 term NONE)");
        }
        return Date.from(due);
    }

    /**
     * ACC-4: the term of {@code days} calendar days (ending at 24:00, moved to the next working day when the
     * last day is not one; Civil Code art. 191, 193) or working days (the end of the schedule on the last
     * one) after {@code from}; null for {@link TermKind#NONE}.
     */
    public Instant reportDue(String organization, TermKind kind, int days, LocalDate from) {
        return switch (kind) {
            case CALENDAR_DAYS -> workingTime.calendarDaysAfter(organization, from, days).toInstant();
            case WORKING_DAYS -> workingTime.workingDaysAfter(organization, from, days).toInstant();
            case NONE -> null;
        };
    }

    /** ACC-4: the term of an organization's policy for a report of an event on {@code from}; null if none. */
    public Instant reportDue(String organization, LocalDate from) {
        OrganizationPolicy.AccountReporting reporting = policies.get(organization).accountReporting();
        if (reporting.termKind() == TermKind.NONE) {
            return null;
        }
        return reportDue(organization, reporting.termKind(), reporting.term(), from);
    }

    /** ACC-3: the cycle of the periodic security review, for the timer start event. */
    public String securityReviewCycle() {
        return properties.securityReviewCycle();
    }

    /** "10 календарных дней", "3 рабочих дня", as forms and notifications show the ACC-4 term. */
    public static String termText(OrganizationPolicy.AccountReporting reporting) {
        if (reporting.termKind() == TermKind.NONE) {
            return "не установлен";
        }
        int n = reporting.term();
        boolean calendar = reporting.termKind() == TermKind.CALENDAR_DAYS;
        int lastTwo = n % 100;
        int last = n % 10;
        String adjective;
        String noun;
        if (last == 1 && lastTwo != 11) {
            adjective = calendar ? "календарный" : "рабочий";
            noun = "день";
        } else if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) {
            adjective = calendar ? "календарных" : "рабочих";
            noun = "дня";
        } else {
            adjective = calendar ? "календарных" : "рабочих";
            noun = "дней";
        }
        return n + " " + adjective + " " + noun;
    }

    public ZoneId zone(String organization) {
        return policies.get(organization).zone();
    }

    /** An instant in the organization's zone; midnight reads as 24:00 of the day before, as terms are worded. */
    public String format(Instant instant, String organization) {
        if (instant == null) {
            return "—";
        }
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone(organization));
        if (local.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return local.toLocalDate().minusDays(1).format(DateTimeFormatter.ofPattern("dd.MM.yyyy")) + " 24:00";
        }
        return local.format(DATE_TIME);
    }

    /** Today in the organization's zone, on the engine clock. */
    public LocalDate today(String organization) {
        return LocalDate.ofInstant(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant(),
                zone(organization));
    }

    /** The organization of an execution or task: its tenant. */
    static String organization(VariableScope scope) {
        String tenant = null;
        if (scope instanceof DelegateExecution execution) {
            tenant = execution.getTenantId();
        } else if (scope instanceof DelegateTask task) {
            tenant = task.getTenantId();
        }
        if (tenant == null) {
            throw new IllegalStateException("The process instance has no tenant: the term needs the organization");
        }
        return tenant;
    }
}
