package ru.otklik.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The figures of one organization for one period (MSG-25, MSG-28), as stored (JSON) and shown (page, XLSX, CSV).
 * Messages count by the detection time in the period; violations by the time they were recorded in it.
 *
 * @param total       the organization's figures
 * @param departments the same figures per department (a message of several departments counts in each)
 * @param violations  every breach recorded in the period, by person and rule: message deadlines (MSG-24,
 *                    MSG-27) and the account and content terms (ACC-4, ACC-3, ACC-15)
 * @param dynamics    against the previous period and the same period a year earlier
 * @param trend       the 13 months up to the period's last month, oldest first
 */
public record Summary(String organization, String organizationName, Period period, Instant compiledAt,
                      Figures total, List<Department> departments, List<ViolationCount> violations,
                      Dynamics dynamics, List<Headline> trend, Accounts accounts) {

    /** The message figures of the organization or of one department. */
    public record Figures(long messages, long answered, Map<String, Long> byImportance, Map<String, Long> byNetwork,
                          Map<String, Long> byTopic, Map<String, Long> byLocation, Map<String, Long> byDepartment,
                          long returns, long returnedMessages, long reworks, long jointAnswers,
                          long intermediateAnswers, long finalsAfterIntermediate, long repeats, long notProcessed,
                          List<OnTime> onTime, Long medianAnswerSeconds, Long p90AnswerSeconds,
                          List<ViolationCount> violations) {

        /** The on-time share of the given deadline, or null. */
        public OnTime onTime(String step) {
            return onTime.stream().filter(o -> o.step().equals(step)).findFirst().orElse(null);
        }
    }

    public record Department(String id, String name, Figures figures) {
    }

    /**
     * One deadline of part A: messages of the period that had it ({@code applicable}) and those where it was
     * breached (a violation recorded, MSG-27).
     */
    public record OnTime(String step, String ruleId, String title, long applicable, long breached) {

        /** The share kept, 0…1, or null when no message had the deadline. */
        public Double share() {
            return applicable == 0 ? null : (double) (applicable - breached) / applicable;
        }
    }

    /** Breaches by the person responsible and the rule; {@code source}: MESSAGE, ACCOUNT or CONTENT. */
    public record ViolationCount(String source, String responsible, String ruleId, long count) {
    }

    /** A few headline figures of one period, for dynamics and trend lines. */
    public record Headline(Period period, long messages, long answered, long answerApplicable, long answerBreached,
                           long violations, Long medianAnswerSeconds) {

        public Double answerOnTimeShare() {
            return answerApplicable == 0 ? null : (double) (answerApplicable - answerBreached) / answerApplicable;
        }
    }

    public record Dynamics(Headline current, Headline previous, Headline yearEarlier) {
    }

    /**
     * The accounts of the organization (part B): changes in the registry and the reports of created and deleted
     * accounts due in the period (ACC-4), the weekly checks of the weeks starting in it (ACC-7, ACC-8), content
     * approvals submitted in it (ACC-15) and moderation (ACC-10).
     */
    public record Accounts(Map<String, Long> changes, long reportsDue, long reportsOnTime, long reportsLate,
                           long reportsMissing, long weeksChecked, long weeksBelowMinimum, long weeksRepostCapExceeded,
                           long weeksCompliant, long approvals, long approvalsOnTime, Map<String, Long> moderationByReason,
                           Map<String, Long> moderationByAction, long moderated) {

        public Double reportsOnTimeShare() {
            return share(reportsOnTime, reportsDue);
        }

        public Double weeklyComplianceShare() {
            return share(weeksCompliant, weeksChecked);
        }

        public Double approvalsOnTimeShare() {
            return share(approvalsOnTime, approvals);
        }

        private static Double share(long part, long whole) {
            return whole == 0 ? null : (double) part / whole;
        }
    }
}
