package ru.otklik.report;

import org.springframework.stereotype.Component;
import ru.otklik.organization.OrganizationPolicies;
import ru.otklik.organization.OrganizationPolicy;
import ru.otklik.organization.Role;
import ru.otklik.organization.UnknownOrganizationException;
import ru.otklik.security.OrganizationAccessDeniedException;
import ru.otklik.security.Staff;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who reads which summaries: staff their own organization's; the media directorate — the head, coordinator,
 * auditors and registry keepers of the organization that keeps the consolidated registry (ACC-13), to which
 * the others report — every organization's; administrators all.
 */
@Component
class ReportAccess {

    private static final List<Role> DIRECTORATE = List.of(Role.HEAD, Role.COORDINATOR, Role.AUDITOR,
            Role.REGISTRY_KEEPER);

    private final OrganizationPolicies policies;
    private final Set<String> consolidators;

    ReportAccess(OrganizationPolicies policies) {
        this.policies = policies;
        this.consolidators = policies.all().stream()
                .filter(p -> p.accountReporting() != null && p.id().equals(p.accountReporting().recipientOrg()))
                .map(OrganizationPolicy::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * @throws UnknownOrganizationException      404
     * @throws OrganizationAccessDeniedException 403
     */
    void requireRead(Staff staff, String organization) {
        if (!policies.exists(organization)) {
            throw new UnknownOrganizationException(organization);
        }
        boolean directorate = consolidators.stream().anyMatch(org -> DIRECTORATE.stream()
                .anyMatch(role -> staff.groupIds().contains(role.groupId(org))));
        if (!directorate && !staff.belongsTo(organization)) {
            throw new OrganizationAccessDeniedException(staff.userId(), organization);
        }
    }
}
