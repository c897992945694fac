package ru.otklik.content;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import ru.otklik.account.AccountRegistry;
import ru.otklik.account.NetworkDomains;
import ru.otklik.organization.Network;
import ru.otklik.security.Staff;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Fixtures of the content tests: active accounts, staff, the clock in Kuzbass time, tasks as a user. */
public final class ContentTesting {

    private final TaskService tasks;
    private final IdentityService identity;

    public ContentTesting(TaskService tasks, IdentityService identity) {
        this.tasks = tasks;
        this.identity = identity;
    }

    /** Sets the engine clock to a Kuzbass local time ("2026-11-20T16:00"). */
    public static void clockAt(String kuzbassLocalDateTime) {
        ClockUtil.setCurrentTime(Date.from(kuzbass(kuzbassLocalDateTime)));
    }

    public static Instant kuzbass(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + (localDateTime.length() == 16 ? ":00" : "") + "+07:00").toInstant();
    }

    public static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** An active VK account of the organization, as the initial import enters it; returns its id. */
    public static long activeAccount(AccountRegistry registry, String org, String slug) {
        NetworkDomains.AccountUrl url = NetworkDomains.parse(Network.VK, "https://vk.com/" + slug, "url");
        return registry.insertImported(new AccountRegistry.NewAccount(org, Network.VK, url, "Аккаунт " + slug,
                        null, "Аккаунт органа", "Ответственный за безопасность"),
                new AccountRegistry.ExistingDetails(LocalDate.of(2020, 3, 1), true, true, true, true,
                        LocalDate.of(2026, 1, 15), List.of(org + "-accounts")), "test");
    }

    /** The organization's account manager as the REST layer sees them. */
    public static Staff accountManager(String org) {
        return new Staff(org + "-accounts", Set.of(org + "-account-managers"), Set.of(org));
    }

    public Task task(String processInstanceId, String activityId) {
        Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(activityId)
                .singleResult();
        assertThat(task).as("open task " + activityId + " of " + processInstanceId).isNotNull();
        return task;
    }

    /** Runs {@code action} as the user, as Tasklist does: with the user's groups and tenants. */
    public <T> T as(String userId, Supplier<T> action) {
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
                .stream().map(Tenant::getId).toList();
        identity.setAuthentication(userId, groups, tenants);
        try {
            return action.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The user claims and completes the task at that activity with the form's variables. */
    public void complete(String userId, String processInstanceId, String activityId, Map<String, Object> variables) {
        Task task = task(processInstanceId, activityId);
        as(userId, () -> {
            tasks.claim(task.getId(), userId);
            tasks.complete(task.getId(), variables);
            return null;
        });
    }
}
