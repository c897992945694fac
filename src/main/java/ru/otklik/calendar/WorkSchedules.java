package ru.otklik.calendar;

import java.util.Optional;

/** Where the calendar finds an organization's working schedule (its policy). */
public interface WorkSchedules {

    /** The schedule of the organization, or empty if no such organization exists. */
    Optional<WorkSchedule> find(String organizationId);
}
