package ru.otklik.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the production calendar.
 *
 * @param location a CSV file, or a directory of CSV files, whose years replace those of the built-in calendar
 *                 (next year's transfers are published each autumn, so no rebuild should be needed); empty for
 *                 the built-in calendar only
 */
@ConfigurationProperties(prefix = "otklik.calendar")
public record CalendarProperties(@DefaultValue("") String location) {
}
