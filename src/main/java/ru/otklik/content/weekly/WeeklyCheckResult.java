package ru.otklik.content.weekly;

import java.time.Instant;
import java.time.LocalDate;

/** A stored row of {@code weekly_check_result}, the source of the monthly summary. */
public record WeeklyCheckResult(long id, String organization, long accountId, LocalDate weekStart, int publications,
                                int reposts, Integer weeklyMinimum, Integer repostCapPercent, int missedPlanItems,
                                boolean belowMinimum, boolean repostCapExceeded, boolean shortfall, Instant checkedAt,
                                String processInstanceId, String explanation, String plan, String explainedBy,
                                Instant explainedAt) {
}
