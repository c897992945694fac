package ru.otklik.content.weekly;

import java.util.ArrayList;
import java.util.List;

/**
 * ACC-7, ACC-8, ACC-6: one account's week against its organization's policy.
 *
 * @param weeklyMinimum    ACC-7, null when the act sets none
 * @param repostCapPercent ACC-8, null when the act sets none
 */
public record WeeklyVerdict(int publications, int reposts, Integer weeklyMinimum, Integer repostCapPercent,
                            int missedPlanItems) {

    /** ACC-7: fewer publications than the recommended minimum. */
    public boolean belowMinimum() {
        return weeklyMinimum != null && publications < weeklyMinimum;
    }

    /** ACC-8: reposts above the cap's share of all publications (exact integer arithmetic, no rounding). */
    public boolean repostCapExceeded() {
        return repostCapPercent != null && publications > 0 && reposts * 100L > (long) repostCapPercent * publications;
    }

    public boolean shortfall() {
        return belowMinimum() || repostCapExceeded() || missedPlanItems > 0;
    }

    /** The share of reposts in whole percent, rounded half up, as forms show it. */
    public int repostPercent() {
        return publications == 0 ? 0 : (int) ((reposts * 200L + publications) / (2L * publications));
    }

    /** What staff read in the explanation task, in Russian. */
    public String findings() {
        List<String> lines = new ArrayList<>();
        if (belowMinimum()) {
            lines.add("Публикаций за неделю: " + publications + " при рекомендованном минимуме " + weeklyMinimum
                    + " (ACC-7).");
        }
        if (repostCapExceeded()) {
            lines.add("Доля репостов: " + repostPercent() + " % (" + reposts + " из " + publications
                    + ") при допустимых " + repostCapPercent + " % (ACC-8).");
        }
        if (missedPlanItems > 0) {
            lines.add("Не опубликовано по контент-плану: " + missedPlanItems + " (ACC-6).");
        }
        return lines.isEmpty() ? "Замечаний нет." : String.join("\n", lines);
    }
}
