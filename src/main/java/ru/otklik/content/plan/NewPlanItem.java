package ru.otklik.content.plan;

/** A planned publication as staff enter it; strings, so that every bad field is named. */
public record NewPlanItem(Long account, String plannedAt, String topic, String format, String responsible) {
}
