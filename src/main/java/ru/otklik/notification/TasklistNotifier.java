package ru.otklik.notification;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The channel staff already watch: every notification is logged and kept in the table {@code notification};
 * one that concerns a task is also written on that task as a comment, which Tasklist shows in the task's
 * history. (A user task in the process carries what needs an acknowledgement, such as MSG-26.) Mail is a
 * further {@link Notifier}, {@link MailNotifier}; the application's {@code Notifier} is {@link CompositeNotifier}.
 */
@Component
public class TasklistNotifier implements Notifier {

    private static final Logger log = LoggerFactory.getLogger(TasklistNotifier.class);
    private static final String USER = "user:";
    private static final String GROUP = "group:";

    private final JdbcClient jdbc;
    private final TaskService tasks;

    public TasklistNotifier(JdbcClient jdbc, TaskService tasks) {
        this.jdbc = jdbc;
        this.tasks = tasks;
    }

    @Override
    public void send(Notification n) {
        store(n);
    }

    /**
     * Does what {@link #send} does and returns the id of the row in {@code notification} (mail status
     * {@link MailStatus#NOT_SENT}), so that further channels can report on it.
     */
    public long store(Notification n) {
        String recipients = Stream.concat(n.userIds().stream().sorted().map(u -> USER + u),
                n.groupIds().stream().sorted().map(g -> GROUP + g)).collect(Collectors.joining(","));
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO notification (organization_id, kind, message_id, task_id, recipients, subject, body, "
                        + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(n.organization(), n.kind().name(), n.messageId(), n.taskId(), recipients, n.subject(),
                        n.body(), OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC))
                .update(key, "id");
        if (n.taskId() != null) {
            String to = Stream.concat(n.userIds().stream().sorted(), n.groupIds().stream().sorted())
                    .collect(Collectors.joining(", "));
            comment(n.taskId(), n.subject() + ". " + n.body() + " Получатели: " + to + ".");
        }
        log.info("Notification {} to {}: {}", n.kind(), recipients, n.subject());
        return key.getKeyAs(Number.class).longValue();
    }

    /** A stored notification by id, if present. */
    public Optional<StoredNotification> find(long id) {
        return jdbc.sql("SELECT id, organization_id, kind, message_id, task_id, recipients, subject, body, created_at "
                + "FROM notification WHERE id = ?").param(id).query(TasklistNotifier::row).optional();
    }

    /** The notifications about a registry entry, oldest first. */
    public List<StoredNotification> forMessage(long messageId) {
        return jdbc.sql("SELECT id, organization_id, kind, message_id, task_id, recipients, subject, body, created_at "
                        + "FROM notification WHERE message_id = ? ORDER BY created_at, id")
                .param(messageId).query(TasklistNotifier::row).list();
    }

    private void comment(String taskId, String text) {
        // Comments are limited to 4000 characters; the full text stays in the table.
        String message = text.length() > 3900 ? text.substring(0, 3900) + "…" : text;
        CommandContext context = Context.getCommandContext();
        boolean authorization = context != null && context.isAuthorizationCheckEnabled();
        boolean tenant = context != null && context.isTenantCheckEnabled();
        if (context != null) {
            // The system writes the comment, whoever's action led here.
            context.disableAuthorizationCheck();
            context.disableTenantCheck();
        }
        try {
            // Within the engine's command the caller has usually just read the task: the command's cache has it.
            Task task = context != null ? context.getTaskManager().findTaskById(taskId)
                    : tasks.createTaskQuery().taskId(taskId).singleResult();
            if (task != null) {
                tasks.createComment(taskId, task.getProcessInstanceId(), message);
            }
        } finally {
            if (authorization) {
                context.enableAuthorizationCheck();
            }
            if (tenant) {
                context.enableTenantCheck();
            }
        }
    }

    private static StoredNotification row(ResultSet rs, int n) throws SQLException {
        Set<String> users = new LinkedHashSet<>();
        Set<String> groups = new LinkedHashSet<>();
        Arrays.stream(rs.getString("recipients").split(",")).forEach(r -> {
            if (r.startsWith(USER)) {
                users.add(r.substring(USER.length()));
            } else if (r.startsWith(GROUP)) {
                groups.add(r.substring(GROUP.length()));
            }
        });
        long messageId = rs.getLong("message_id");
        Long message = rs.wasNull() ? null : messageId;
        OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
        return new StoredNotification(rs.getLong("id"), rs.getString("organization_id"),
                NotificationKind.valueOf(rs.getString("kind")), message, rs.getString("task_id"), users, groups,
                rs.getString("subject"), rs.getString("body"), created.toInstant());
    }
}
