package ru.otklik.content.plan;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.account.Account;
import ru.otklik.account.AccountRegistry;
import ru.otklik.account.AccountStatus;
import ru.otklik.system.EngineChecks;
import ru.otklik.content.publication.Publication;
import ru.otklik.content.publication.PublicationFormat;
import ru.otklik.content.publication.PublicationLogged;
import ru.otklik.organization.OrganizationPolicies;
import ru.otklik.organization.OrganizationPolicy.PostingBasis;
import ru.otklik.security.Staff;
import ru.otklik.web.InvalidFieldException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The content plan (ACC-6) of the bodies whose act bases publications on a plan: the only writer of the table
 * {@code content_plan_item}. An item is done when a publication of the same account, on the same day (in the
 * organization's zone), with the same topic or the same format is logged; the weekly check flags the rest of
 * the week as missed.
 */
@Service
public class ContentPlan {

    private static final String COLUMNS = "id, account_id, organization_id, planned_at, topic, format, responsible, "
            + "status, publication_id, created_by, created_at";

    private static final DateTimeFormatter RU_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final JdbcClient jdbc;
    private final AccountRegistry accounts;
    private final OrganizationPolicies policies;
    private final RuntimeService runtime;
    private final IdentityService identity;

    public ContentPlan(JdbcClient jdbc, AccountRegistry accounts, OrganizationPolicies policies, RuntimeService runtime,
                       IdentityService identity) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.policies = policies;
        this.runtime = runtime;
        this.identity = identity;
    }

    /**
     * ACC-6: plans a publication of an active account of the user's organization whose policy posts by a
     * content plan.
     *
     * @throws InvalidFieldException naming the field; nothing is stored
     */
    @Transactional
    public PlanItem plan(NewPlanItem input, Staff staff) {
        if (input.account() == null) {
            throw new InvalidFieldException("account", "укажите аккаунт из реестра");
        }
        Account account = accounts.find(input.account()).filter(a -> staff.belongsTo(a.organization()))
                .orElseThrow(() -> new InvalidFieldException("account",
                        "аккаунт №" + input.account() + " не найден в реестре аккаунтов вашей организации"));
        if (account.status() != AccountStatus.ACTIVE) {
            throw new InvalidFieldException("account", "аккаунт №" + account.id() + " не действует");
        }
        if (policies.get(account.organization()).postingBasis() != PostingBasis.CONTENT_PLAN) {
            throw new InvalidFieldException("account", "акт вашей организации не предусматривает контент-план (ACC-6)");
        }
        ZoneId zone = zone(account.organization());
        Instant plannedAt = instant(input.plannedAt(), zone);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        if (plannedAt.isBefore(now)) {
            throw new InvalidFieldException("plannedAt", "время публикации уже прошло");
        }
        if (input.topic() == null || input.topic().isBlank()) {
            throw new InvalidFieldException("topic", "укажите тему публикации");
        }
        if (input.topic().trim().length() > 500) {
            throw new InvalidFieldException("topic", "не длиннее 500 символов");
        }
        PublicationFormat format = format(input.format());
        if (input.responsible() == null || input.responsible().isBlank()) {
            throw new InvalidFieldException("responsible", "укажите ответственного (логин сотрудника)");
        }
        String responsible = input.responsible().trim();
        boolean staffOfOrganization = EngineChecks.withoutChecks(() -> identity.createTenantQuery().userMember(responsible)
                .includingGroupsOfUser(true).tenantId(account.organization()).count()) > 0;
        if (!staffOfOrganization) {
            throw new InvalidFieldException("responsible", "сотрудник «" + responsible + "» не найден в вашей организации");
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO content_plan_item (account_id, organization_id, planned_at, topic, format, responsible,
                                                       status, created_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(account.id(), account.organization(), utc(plannedAt), input.topic().trim(), format.name(),
                        input.responsible().trim(), PlanItemStatus.PLANNED.name(), staff.userId(), utc(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        startReminder(id, account, plannedAt, input.topic().trim(), format, input.responsible().trim(), zone);
        return find(id).orElseThrow();
    }

    /** ACC-6: the item's reminder (bpmn/ContentPlanItem.bpmn) in the account's tenant. */
    private void startReminder(long id, Account account, Instant plannedAt, String topic, PublicationFormat format,
                               String responsible, ZoneId zone) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ContentPlanItemProcess.VAR_ORGANIZATION, account.organization());
        variables.put(ContentPlanItemProcess.VAR_PLAN_ITEM_ID, id);
        variables.put(ContentPlanItemProcess.VAR_PLANNED_AT, Date.from(plannedAt));
        variables.put(ContentPlanItemProcess.VAR_PLANNED_AT_TEXT, RU_TIME.format(plannedAt.atZone(zone)));
        variables.put(ContentPlanItemProcess.VAR_RESPONSIBLE, responsible);
        variables.put(ContentPlanItemProcess.VAR_TOPIC, topic);
        variables.put(ContentPlanItemProcess.VAR_FORMAT_TITLE, format.title());
        variables.put(ContentPlanItemProcess.VAR_ACCOUNT_NAME, account.displayName());
        variables.put(ContentPlanItemProcess.VAR_ACCOUNT_URL, account.url());
        ProcessInstance instance = EngineChecks.withoutChecks(() -> runtime.startProcessInstanceByKey(
                ContentPlanItemProcess.PROCESS_KEY, "plan-item-" + id, variables));
        jdbc.sql("UPDATE content_plan_item SET process_instance_id = ? WHERE id = ?").params(instance.getId(), id)
                .update();
    }

    /** The plan of the organization's accounts from {@code from} to {@code to} inclusive (local days). */
    public List<PlanItem> list(String organization, Long accountId, LocalDate from, LocalDate to, Staff staff) {
        staff.requireOrganization(organization);
        ZoneId zone = zone(organization);
        Instant start = (from == null ? LocalDate.of(2000, 1, 1) : from).atStartOfDay(zone).toInstant();
        Instant end = (to == null ? LocalDate.of(2100, 1, 1) : to.plusDays(1)).atStartOfDay(zone).toInstant();
        String byAccount = accountId == null ? "" : "AND account_id = " + accountId.longValue() + " ";
        return jdbc.sql("SELECT " + COLUMNS + " FROM content_plan_item WHERE organization_id = ? " + byAccount
                        + "AND planned_at >= ? AND planned_at < ? ORDER BY planned_at, id")
                .params(organization, utc(start), utc(end))
                .query(ContentPlan::map).list();
    }

    public Optional<PlanItem> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM content_plan_item WHERE id = ?").param(id)
                .query(ContentPlan::map).optional();
    }

    /** ACC-6: a logged publication completes the first open item of its account, day, and topic or format. */
    @EventListener
    public void publicationLogged(PublicationLogged event) {
        Publication p = event.publication();
        ZoneId zone = zone(p.organization());
        LocalDate day = p.publishedAt().atZone(zone).toLocalDate();
        Instant start = day.atStartOfDay(zone).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
        String topic = p.topic() == null ? "" : p.topic().trim().toLowerCase(Locale.ROOT);
        jdbc.sql("""
                        SELECT id FROM content_plan_item
                        WHERE account_id = ? AND status IN ('PLANNED', 'MISSED') AND planned_at >= ? AND planned_at < ?
                          AND (LOWER(topic) = ? OR format = ?)
                        ORDER BY planned_at, id""")
                .params(p.accountId(), utc(start), utc(end), topic, p.format().name())
                .query(Long.class).list().stream().findFirst()
                .ifPresent(id -> jdbc.sql("UPDATE content_plan_item SET status = 'DONE', publication_id = ? WHERE id = ?")
                        .params(p.id(), id).update());
    }

    /**
     * ACC-6 (weekly check): marks the organization's items planned in [from, to) and still open as missed and
     * returns their number per account.
     */
    @Transactional
    public Map<Long, Integer> flagMissed(String organization, Instant from, Instant to) {
        jdbc.sql("UPDATE content_plan_item SET status = 'MISSED' WHERE organization_id = ? AND status = 'PLANNED' "
                        + "AND planned_at >= ? AND planned_at < ?")
                .params(organization, utc(from), utc(to)).update();
        Map<Long, Integer> missed = new HashMap<>();
        jdbc.sql("SELECT account_id, COUNT(*) AS missed FROM content_plan_item WHERE organization_id = ? "
                        + "AND status = 'MISSED' AND planned_at >= ? AND planned_at < ? GROUP BY account_id")
                .params(organization, utc(from), utc(to))
                .query(rs -> {
                    missed.put(rs.getLong("account_id"), rs.getInt("missed"));
                });
        return missed;
    }

    /** For the reminder (ContentPlanItem.bpmn): whether the item still waits for its publication. */
    public boolean open(long id) {
        return find(id).map(i -> i.status() == PlanItemStatus.PLANNED).orElse(false);
    }

    private ZoneId zone(String organization) {
        return policies.get(organization).zone();
    }

    private static PublicationFormat format(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidFieldException("format", "укажите формат публикации (ACC-12)");
        }
        try {
            return PublicationFormat.valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("format", "недопустимый формат «" + raw + "» (ACC-12)");
        }
    }

    private static Instant instant(String raw, ZoneId zone) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidFieldException("plannedAt", "укажите дату и время публикации");
        }
        try {
            return OffsetDateTime.parse(raw.trim()).toInstant();
        } catch (DateTimeException ignored) {
            // no offset: the organization's local time
        }
        try {
            return LocalDateTime.parse(raw.trim().replace(' ', 'T')).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidFieldException("plannedAt", "дата и время в формате 2026-11-23T10:00");
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static PlanItem map(ResultSet rs, int row) throws SQLException {
        long publication = rs.getLong("publication_id");
        return new PlanItem(rs.getLong("id"), rs.getLong("account_id"), rs.getString("organization_id"),
                rs.getObject("planned_at", OffsetDateTime.class).toInstant(), rs.getString("topic"),
                PublicationFormat.valueOf(rs.getString("format")), rs.getString("responsible"),
                PlanItemStatus.valueOf(rs.getString("status")), rs.wasNull() ? null : publication,
                rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
