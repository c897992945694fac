package ru.otklik.content.approval;

/**
 * What a ministry employee enters on ЦУР Кузбасса's behalf (ACC-15).
 *
 * @param kind   OPERATIONAL, SPECIAL_PROJECT or INFORMATION_REQUEST
 * @param urgent for an information request: answer within 4 hours rather than 3 working days
 */
public record NewContentApproval(String org, String kind, String title, String content, Boolean urgent) {
}
