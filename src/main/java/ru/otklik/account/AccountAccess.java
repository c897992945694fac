package ru.otklik.account;

import org.springframework.stereotype.Component;
import ru.otklik.organization.OrganizationPolicies;
import ru.otklik.organization.OrganizationPolicy;
import ru.otklik.organization.Role;
import ru.otklik.security.Staff;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may read which part of the registry of accounts: staff read their own organizations' accounts; the
 * registry keepers of the organization that keeps the consolidated registry (the recipient of the others'
 * reports that reports to nobody but itself: kuzbass-gov, whose media directorate it is) read every
 * organization's accounts (ACC-13).
 */
@Component
class AccountAccess {

    private final OrganizationPolicies policies;
    private final AccountRegistry registry;
    private final Set<String> consolidators;

    AccountAccess(OrganizationPolicies policies, AccountRegistry registry) {
        this.policies = policies;
        this.registry = registry;
        this.consolidators = policies.all().stream()
                .filter(p -> p.id().equals(p.accountReporting().recipientOrg()))
                .map(OrganizationPolicy::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** ACC-13: whether the user keeps the consolidated registry. */
    boolean keepsConsolidatedRegistry(Staff staff) {
        return consolidators.stream().anyMatch(org -> staff.groupIds().contains(Role.REGISTRY_KEEPER.groupId(org)));
    }

    boolean mayRead(Staff staff, String organization) {
        return staff.belongsTo(organization) || keepsConsolidatedRegistry(staff);
    }

    Set<String> readableOrganizations(Staff staff) {
        return policies.all().stream().map(OrganizationPolicy::id).filter(org -> mayRead(staff, org))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The entry, or 404 also when the user may not read it (tenant isolation). */
    Account readable(long id, Staff staff) {
        return registry.find(id).filter(a -> mayRead(staff, a.organization()))
                .orElseThrow(() -> AccountRequests.notFound(id));
    }
}
