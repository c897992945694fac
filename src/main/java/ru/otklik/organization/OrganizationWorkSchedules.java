package ru.otklik.organization;

import org.springframework.stereotype.Component;
import ru.otklik.calendar.WorkSchedule;
import ru.otklik.calendar.WorkSchedules;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Each organization's working schedule, as its policy file states it. */
@Component
class OrganizationWorkSchedules implements WorkSchedules {

    private final Map<String, WorkSchedule> schedules;

    OrganizationWorkSchedules(OrganizationPolicies policies) {
        this.schedules = policies.all().stream()
                .collect(Collectors.toUnmodifiableMap(OrganizationPolicy::id, p -> WorkSchedule.of(p.schedule())));
    }

    @Override
    public Optional<WorkSchedule> find(String organizationId) {
        return Optional.ofNullable(organizationId).map(schedules::get);
    }
}
