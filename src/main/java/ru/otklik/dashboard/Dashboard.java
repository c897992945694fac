package ru.otklik.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What coordinators and heads see on the dashboard, as of {@code generatedAt} (the engine clock), for one
 * organization or — for the media directorate — all of them ({@code organization = null}). The JSON of
 * {@code GET /api/dashboard} and the model of the page {@code /dashboard}.
 *
 * @param organization  the organization shown, {@code null} for all the user sees
 * @param organizations the organizations the user may choose from
 * @param openBySteps   open messages per status (the step they are at), every open status in procedure order
 * @param overdue       open messages past a deadline now, the longest overdue first (at most {@link #LIST_LIMIT})
 * @param open          open messages not yet overdue, the nearest deadline first (at most {@link #LIST_LIMIT})
 */
public record Dashboard(String organization, List<Organization> organizations, Instant generatedAt, Totals totals,
                        List<StepLoad> openBySteps, List<DepartmentLoad> departmentLoad, Intake intakeToday,
                        List<OpenMessage> overdue, List<OpenMessage> open, List<QuotaShortfall> quotaShortfalls) {

    /** How many messages a list of the dashboard shows at most; the totals count them all. */
    public static final int LIST_LIMIT = 100;

    public record Organization(String id, String shortName) {
    }

    /**
     * @param open            open messages (not answered, not refused under MSG-23, not cancelled)
     * @param overdue         of these, past the deadline of their current step or of the answer (MSG-24)
     * @param intakeToday     detected since midnight, local time of each organization (MSG-8)
     * @param quotaShortfalls accounts short of the weekly quota in the latest checked week (ACC-7, ACC-8, ACC-6)
     */
    public record Totals(long open, long overdue, long intakeToday, long quotaShortfalls) {
    }

    /** Open messages at one status of the procedure. */
    public record StepLoad(String status, String title, long open, long overdue) {
    }

    /** Open messages a department answers for (MSG-8; a joint answer counts for each of its departments, MSG-18). */
    public record DepartmentLoad(String organization, String department, String title, long open, long overdue) {
    }

    /** Messages detected today (MSG-8). */
    public record Intake(long total, long elevated, long answered, long notProcessed, List<NetworkCount> byNetwork,
                         List<IntakeMessage> messages) {
    }

    public record NetworkCount(String network, long count) {
    }

    /** A message detected today; its text is the citizen's, shown escaped. {@code importance}: REGULAR, ELEVATED or null. */
    public record IntakeMessage(long id, String organization, String businessKey, String network, Instant detectedAt,
                                String detectedLocal, String authorName, String topic, String text, String status,
                                String statusTitle, String importance) {
    }

    /**
     * An open message with the deadlines it runs against.
     *
     * @param importance REGULAR, ELEVATED, or {@code null} before the coordinator decides (MSG-8)
     * @param step     the deadline of the current step (MSG-8 … MSG-18), {@code null} when the step has none
     * @param answer   the answer deadline (MSG-11, MSG-12, MSG-17), {@code null} while the author's reply is awaited
     * @param assignee who holds the current task, {@code null} while unclaimed
     * @param taskUrl  the current task in Tasklist, {@code null} when the case waits for no one
     */
    public record OpenMessage(long id, String organization, String businessKey, String status, String statusTitle,
                              String importance, List<String> departments, String executor, String network,
                              String authorName, String topic, String text, Instant detectedAt, String detectedLocal,
                              Deadline step, Deadline answer, boolean overdue, String assignee, String taskUrl,
                              String cockpitUrl) {
    }

    /**
     * A deadline and the time left to it, in calendar and in working time of the organization (negative when
     * overdue).
     */
    public record Deadline(String step, String title, String rule, Instant due, String dueLocal,
                           long calendarMinutesLeft, Long workingMinutesLeft, boolean overdue, String calendarLeft,
                           String workingLeft) {
    }

    /** An account short of the weekly quota (ACC-7 minimum, ACC-8 repost cap, ACC-6 missed plan items). */
    public record QuotaShortfall(String organization, long accountId, String accountName, String network, String url,
                                 LocalDate weekStart, int publications, Integer weeklyMinimum, int reposts,
                                 Integer repostCapPercent, int missedPlanItems, boolean belowMinimum,
                                 boolean repostCapExceeded, boolean explained) {
    }
}
