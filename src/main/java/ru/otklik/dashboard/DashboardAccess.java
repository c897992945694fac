package ru.otklik.dashboard;

import org.springframework.stereotype.Component;
import ru.otklik.organization.OrganizationPolicies;
import ru.otklik.organization.OrganizationPolicy;
import ru.otklik.organization.Role;
import ru.otklik.organization.UnknownOrganizationException;
import ru.otklik.security.OrganizationAccessDeniedException;
import ru.otklik.security.Staff;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who sees the dashboard of which organization. The coordinator, the substitute (MSG-3, MSG-24) and the head of
 * the body (MSG-26, MSG-28) see their own organization; the media directorate — the registry keepers of the
 * organization that keeps the consolidated registry (kuzbass-gov, ACC-13), as for the registry of accounts — and
 * administrators see every organization. Everyone else is refused with 403.
 */
@Component
class DashboardAccess {

    /** The roles that supervise the work with messages of their own organization. */
    static final Set<Role> SUPERVISORS = Set.of(Role.COORDINATOR, Role.COORDINATOR_SUBSTITUTE, Role.HEAD);

    private final OrganizationPolicies policies;
    private final Set<String> consolidators;

    DashboardAccess(OrganizationPolicies policies) {
        this.policies = policies;
        this.consolidators = policies.all().stream()
                .filter(p -> p.id().equals(p.accountReporting().recipientOrg()))
                .map(OrganizationPolicy::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** What a request shows: the organization chosen ({@code null}: all the user sees) and those the user sees. */
    record Scope(String selected, List<OrganizationPolicy> visible) {

        /** The organizations whose figures are shown. */
        List<String> shown() {
            return selected != null ? List.of(selected) : visible.stream().map(OrganizationPolicy::id).toList();
        }
    }

    /**
     * The scope of a request for {@code organization} (blank: every organization the user sees, which is the
     * user's own for a coordinator, a substitute or a head).
     *
     * @throws UnknownOrganizationException        when the organization does not exist (404)
     * @throws OrganizationAccessDeniedException when the user may not see it, or sees no dashboard at all (403)
     */
    Scope scope(Staff staff, String organization) {
        String selected = organization == null || organization.isBlank() ? null : organization.trim();
        if (selected != null && !policies.exists(selected)) {
            throw new UnknownOrganizationException(selected);
        }
        List<OrganizationPolicy> visible = policies.all().stream().filter(p -> sees(staff, p.id()))
                .sorted(Comparator.comparing(OrganizationPolicy::id)).toList();
        if (visible.isEmpty() || (selected != null && visible.stream().noneMatch(p -> p.id().equals(selected)))) {
            throw new OrganizationAccessDeniedException(staff.userId(), selected != null ? selected : "dashboard");
        }
        return new Scope(selected == null && visible.size() == 1 ? visible.get(0).id() : selected, visible);
    }

    /** ACC-13: the media directorate reads every organization. */
    boolean mediaDirectorate(Staff staff) {
        return staff.admin() || consolidators.stream()
                .anyMatch(org -> staff.groupIds().contains(Role.REGISTRY_KEEPER.groupId(org)));
    }

    private boolean sees(Staff staff, String organization) {
        return mediaDirectorate(staff)
                || SUPERVISORS.stream().anyMatch(role -> staff.groupIds().contains(role.groupId(organization)));
    }
}
