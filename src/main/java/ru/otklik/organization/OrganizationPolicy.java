package ru.otklik.organization;

import ru.otklik.calendar.WorkSchedule;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * What an organization's act says, as kept in {@code organizations/<id>.yml}.
 * Loaded and validated at start-up by {@link OrganizationPolicies}.
 */
public record OrganizationPolicy(
        String id,
        String name,
        String shortName,
        Act act,
        /* ACC-1 */ Set<Network> networks,
        /* ACC-2 */ String registryKeeper,
        /* ACC-3 */ String securityOwner,
        /* ACC-4 */ AccountReporting accountReporting,
        /* ACC-5 */ URI publicRegistryUrl,
        /* ACC-6 */ PostingBasis postingBasis,
        /* ACC-7 */ Integer weeklyMinimum,
        /* ACC-8 */ Integer repostCapPercent,
        /* ACC-10 */ boolean blacklistMandatory,
        ScheduleSpec schedule,
        List<Department> departments) {

    /** The legal act that sets the organization's duties. */
    public record Act(String title, String number, LocalDate date) {
    }

    /** ACC-4: to whom, and how fast, created and deleted accounts are reported. */
    public record AccountReporting(String recipient, String recipientOrg, TermKind termKind, Integer term) {
    }

    /** How an ACC-4 term is counted. {@code NONE}: the organization is the recipient itself. */
    public enum TermKind { CALENDAR_DAYS, WORKING_DAYS, NONE }

    /** ACC-6: what publications are based on. */
    public enum PostingBasis { CONTENT_PLAN, AS_NEEDED, DISTRICT_EVENTS }

    /**
     * The working schedule: weekday → working intervals ("09:00-13:00"), the time zone and how much
     * shorter a pre-holiday day is (Labour Code art. 95).
     */
    public record ScheduleSpec(String zone, java.util.Map<java.time.DayOfWeek, List<String>> week,
                               java.time.Duration preHolidayShortening) {
    }

    /** A department that receives messages (MSG-8); {@code id} is used in group ids. */
    public record Department(String id, String name) {
    }

    /** The organization's time zone, as its working time counts it ({@link WorkSchedule#zoneOf}). */
    public ZoneId zone() {
        return WorkSchedule.zoneOf(schedule);
    }

    public Department department(String departmentId) {
        return departments.stream().filter(d -> d.id().equals(departmentId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown department " + departmentId + " of " + id));
    }
}
