package ru.otklik.message;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import ru.otklik.organization.OrganizationPolicies;
import ru.otklik.organization.OrganizationPolicy;
import ru.otklik.organization.Role;
import ru.otklik.system.EngineChecks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Who works in a department, from the Camunda groups of {@link Role}. */
@Component
public class DepartmentStaff {

    private final IdentityService identity;
    private final OrganizationPolicies policies;

    public DepartmentStaff(IdentityService identity, OrganizationPolicies policies) {
        this.identity = identity;
        this.policies = policies;
    }

    /** MSG-7: the executors of the department (members of {@code <org>-executors-<department>}), by name. */
    public List<User> executors(String organization, String department) {
        String group = Role.EXECUTOR.groupId(organization, department);
        return EngineChecks.withoutChecks(() -> identity.createUserQuery().memberOfGroup(group)
                .orderByUserLastName().asc().orderByUserFirstName().asc().list());
    }

    public boolean isExecutor(String organization, String department, String userId) {
        String group = Role.EXECUTOR.groupId(organization, department);
        return userId != null && EngineChecks.withoutChecks(
                () -> identity.createUserQuery().userId(userId).memberOfGroup(group).count() > 0);
    }

    /** Select options ({@code label}, {@code value}) of the department's executors, for Camunda Forms. */
    public List<Map<String, String>> executorOptions(String organization, String department) {
        return executors(organization, department).stream()
                .map(u -> option(displayName(u), u.getId()))
                .toList();
    }

    /** Select options of the organization's departments (MSG-8), as its policy file lists them. */
    public List<Map<String, String>> departmentOptions(String organization) {
        return policies.get(organization).departments().stream()
                .map(d -> option(d.name(), d.id()))
                .toList();
    }

    public OrganizationPolicy.Department department(String organization, String department) {
        return policies.get(organization).department(department);
    }

    static String displayName(User user) {
        String name = ((user.getLastName() == null ? "" : user.getLastName()) + " "
                + (user.getFirstName() == null ? "" : user.getFirstName())).trim();
        return name.isEmpty() ? user.getId() : name + " (" + user.getId() + ")";
    }

    private static Map<String, String> option(String label, String value) {
        Map<String, String> option = new LinkedHashMap<>();
        option.put("label", label);
        option.put("value", value);
        return option;
    }
}
