package ru.otklik.security;

import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.security.core.AuthenticatedPrincipal;
import ru.otklik.organization.Role;

import java.util.Set;

/**
 * An authenticated user of the app's own API, with the Camunda groups and tenants (organizations) they
 * belong to. Superusers (camunda-admin) reach every organization.
 */
public record Staff(String userId, Set<String> groupIds, Set<String> tenantIds) implements AuthenticatedPrincipal {

    public Staff {
        groupIds = Set.copyOf(groupIds);
        tenantIds = Set.copyOf(tenantIds);
    }

    /** The user id: the name Spring Security gives the authentication (rate limits, logs). */
    @Override
    public String getName() {
        return userId;
    }

    public boolean admin() {
        return groupIds.contains(Groups.CAMUNDA_ADMIN);
    }

    public boolean belongsTo(String organizationId) {
        return admin() || tenantIds.contains(organizationId);
    }

    /** Whether the user holds an organization-wide role of that organization. */
    public boolean hasRole(String organizationId, Role role) {
        return admin() || groupIds.contains(role.groupId(organizationId));
    }

    /** Throws 403 unless the user belongs to the organization. */
    public void requireOrganization(String organizationId) {
        if (!belongsTo(organizationId)) {
            throw new OrganizationAccessDeniedException(userId, organizationId);
        }
    }

    /** Throws 403 unless the user holds one of the roles in that organization. */
    public void requireRole(String organizationId, Role... roles) {
        for (Role role : roles) {
            if (hasRole(organizationId, role)) {
                return;
            }
        }
        throw new OrganizationAccessDeniedException(userId, organizationId);
    }
}
