package ru.otklik.benchmark;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import ru.otklik.security.Staff;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Demo users as the application sees them: their groups and organizations from the identity service. */
final class BenchmarkStaff {

    private final IdentityService identity;

    BenchmarkStaff(IdentityService identity) {
        this.identity = identity;
    }

    Staff staff(String userId) {
        return new Staff(userId, Set.copyOf(groups(userId)), identity.createTenantQuery().userMember(userId)
                .includingGroupsOfUser(true).list().stream().map(Tenant::getId).collect(Collectors.toSet()));
    }

    /** Runs {@code action} as the user acting in Tasklist: with groups and organization, authorization on. */
    void as(String userId, String organization, Runnable action) {
        identity.setAuthentication(userId, groups(userId), List.of(organization));
        try {
            action.run();
        } finally {
            identity.clearAuthentication();
        }
    }

    private List<String> groups(String userId) {
        return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }
}
