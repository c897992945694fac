package ru.otklik.organization;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes the identity structure match the policies at every start: a tenant per organization, a group per
 * role (and per department for department roles), the groups' permissions, the Tasklist filters and the
 * first administrator. Idempotent; users other than the administrator are managed in Camunda Admin.
 */
@Component
@Order(0)
class IdentityBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

    /** Supervisors watch running cases in Cockpit. */
    static final Set<Role> SUPERVISORS = EnumSet.of(Role.COORDINATOR, Role.COORDINATOR_SUBSTITUTE, Role.HEAD, Role.AUDITOR);
    /** Who may start cases from Tasklist (registration form) or over REST. */
    static final Set<Role> STARTERS = EnumSet.of(Role.SPECIALIST, Role.COORDINATOR, Role.COORDINATOR_SUBSTITUTE,
            Role.INTAKE, Role.ACCOUNT_MANAGER, Role.REGISTRY_KEEPER, Role.SECURITY_OWNER);

    private final OrganizationPolicies policies;
    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final AdminProperties admin;

    IdentityBootstrap(OrganizationPolicies policies, IdentityService identity, AuthorizationService authorizations,
                      FilterService filters, TaskService tasks, AdminProperties admin) {
        if (admin.required() && !admin.configured()) {
            throw new IllegalStateException("OTKLIK_ADMIN_USER and OTKLIK_ADMIN_PASSWORD must be set: "
                    + "the postgres profile does not start without a named administrator");
        }
        this.policies = policies;
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.admin = admin;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureAdminGroup();
        for (OrganizationPolicy policy : policies.all()) {
            ensureTenant(policy);
            for (Role role : Role.values()) {
                if (role.perDepartment()) {
                    for (OrganizationPolicy.Department department : policy.departments()) {
                        ensureGroup(policy, role.groupId(policy.id(), department.id()),
                                role.title() + " «" + department.name() + "»", role);
                    }
                } else {
                    ensureGroup(policy, role.groupId(policy.id()), role.title(), role);
                }
            }
        }
        ensureFilters();
        if (admin.configured()) {
            ensureAdministrator(admin.user(), admin.password(), "Администратор", "Отклика");
        }
    }

    /** Creates a member of camunda-admin unless the user exists. */
    void ensureAdministrator(String userId, String password, String firstName, String lastName) {
        if (identity.createUserQuery().userId(userId).count() == 0) {
            User user = identity.newUser(userId);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setPassword(password);
            identity.saveUser(user);
            log.info("Created administrator {}", userId);
        }
        if (identity.createUserQuery().userId(userId).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
            identity.createMembership(userId, Groups.CAMUNDA_ADMIN);
        }
    }

    private void ensureAdminGroup() {
        if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
            Group group = identity.newGroup(Groups.CAMUNDA_ADMIN);
            group.setName("Администраторы");
            group.setType(Groups.GROUP_TYPE_SYSTEM);
            identity.saveGroup(group);
        }
        for (Resources resource : Resources.values()) {
            grant(Groups.CAMUNDA_ADMIN, resource, Authorization.ANY, Permissions.ALL);
        }
    }

    private void ensureTenant(OrganizationPolicy policy) {
        if (identity.createTenantQuery().tenantId(policy.id()).count() == 0) {
            Tenant tenant = identity.newTenant(policy.id());
            tenant.setName(policy.shortName());
            identity.saveTenant(tenant);
            log.info("Created tenant {}", policy.id());
        }
    }

    private void ensureGroup(OrganizationPolicy policy, String groupId, String name, Role role) {
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identity.newGroup(groupId);
            group.setName(name + " — " + policy.shortName());
            group.setType(Groups.GROUP_TYPE_WORKFLOW);
            identity.saveGroup(group);
            identity.createTenantGroupMembership(policy.id(), groupId);
        }
        grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(groupId, Resources.FILTER, Authorization.ANY, Permissions.READ);
        grant(groupId, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
        if (STARTERS.contains(role)) {
            grant(groupId, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.CREATE_INSTANCE);
            grant(groupId, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
        }
        if (SUPERVISORS.contains(role)) {
            // Tenant checks keep these grants inside the supervisor's own organization.
            grant(groupId, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(groupId, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ_INSTANCE,
                    Permissions.READ_HISTORY, Permissions.READ_TASK);
            grant(groupId, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.READ);
            grant(groupId, Resources.TASK, Authorization.ANY, Permissions.READ);
            grant(groupId, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing
                : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        boolean missing = existing == null;
        for (Permission permission : permissions) {
            if (existing == null || !existing.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                missing = true;
            }
        }
        if (!missing) {
            return;
        }
        if (existing == null) {
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        authorizations.saveAuthorization(authorization);
    }

    private void ensureFilters() {
        Map<String, TaskQuery> wanted = new LinkedHashMap<>();
        wanted.put("Мои задачи", tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        wanted.put("Задачи моих групп", tasks.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned());
        wanted.put("Просроченные", tasks.createTaskQuery().dueBeforeExpression("${now()}"));
        wanted.put("Все задачи", tasks.createTaskQuery());
        List<String> descriptions = List.of(
                "Задачи, которые вы взяли в работу",
                "Задачи ваших групп, которые ещё никто не взял",
                "Задачи с истёкшим сроком",
                "Все задачи, которые вам доступны");
        int priority = -10;
        List<String> names = new ArrayList<>(wanted.keySet());
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (filters.createFilterQuery().filterName(name).count() > 0) {
                continue;
            }
            Filter filter = filters.newTaskFilter(name);
            filter.setOwner(null);
            filter.setQuery(wanted.get(name));
            filter.setProperties(Map.of("description", descriptions.get(i), "priority", priority + i,
                    "refresh", true));
            filters.saveFilter(filter);
        }
    }
}
