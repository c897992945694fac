package ru.otklik.content.weekly;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import ru.otklik.account.Account;
import ru.otklik.account.AccountRegistry;
import ru.otklik.account.AccountStatus;
import ru.otklik.system.EngineChecks;
import ru.otklik.content.plan.ContentPlan;
import ru.otklik.content.publication.PublicationLog;
import ru.otklik.organization.OrganizationPolicies;
import ru.otklik.organization.OrganizationPolicy;
import ru.otklik.organization.OrganizationPolicy.PostingBasis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static ru.otklik.content.weekly.WeeklyPublicationCheckProcess.*;

/**
 * The weekly publication check (ACC-7, ACC-8, ACC-6): the only writer of {@code weekly_check_result}. Counts
 * each active account's publications and reposts of the past week (Monday 00:00 – Sunday 24:00 in the
 * organization's zone) in SQL, compares them with the organization's policy, flags missed content-plan items and
 * starts an explanation task for the account manager of every account that falls short.
 */
@Service
public class WeeklyCheck {

    private static final Logger log = LoggerFactory.getLogger(WeeklyCheck.class);
    private static final String COLUMNS = "id, organization_id, account_id, week_start, publications, reposts, "
            + "weekly_minimum, repost_cap_percent, missed_plan_items, below_minimum, repost_cap_exceeded, shortfall, "
            + "checked_at, process_instance_id, explanation, plan, explained_by, explained_at";

    private final JdbcClient jdbc;
    private final AccountRegistry accounts;
    private final OrganizationPolicies policies;
    private final PublicationLog publications;
    private final ContentPlan plan;
    private final RuntimeService runtime;

    public WeeklyCheck(JdbcClient jdbc, AccountRegistry accounts, OrganizationPolicies policies,
                       PublicationLog publications, ContentPlan plan, RuntimeService runtime) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.policies = policies;
        this.publications = publications;
        this.plan = plan;
        this.runtime = runtime;
    }

    /** Whether the act sets anything the week is checked against (ACC-6, ACC-7, ACC-8). */
    static boolean checked(OrganizationPolicy policy) {
        return policy.weeklyMinimum() != null || policy.repostCapPercent() != null
                || policy.postingBasis() == PostingBasis.CONTENT_PLAN;
    }

    /**
     * Task_CheckWeek (ACC-6, ACC-7, ACC-8): checks the past week — or the week starting {@code weekStart} — of
     * every organization; a week already checked for an account is not checked again.
     *
     * @return the results stored now
     */
    public List<WeeklyCheckResult> checkAll(Instant now, LocalDate weekStart) {
        List<WeeklyCheckResult> stored = new ArrayList<>();
        for (OrganizationPolicy policy : policies.all()) {
            if (!checked(policy)) {
                continue;
            }
            ZoneId zone = policy.zone();
            WeekWindow week = weekStart == null ? WeekWindow.previous(now, zone) : WeekWindow.of(weekStart, zone);
            stored.addAll(checkOrganization(policy, week, now));
        }
        log.info("Weekly publication check: {} results, {} shortfalls", stored.size(),
                stored.stream().filter(WeeklyCheckResult::shortfall).count());
        return stored;
    }

    List<WeeklyCheckResult> checkOrganization(OrganizationPolicy policy, WeekWindow week, Instant now) {
        Map<Long, PublicationLog.Counts> counts = publications.counts(policy.id(), week.from(), week.to());
        Map<Long, Integer> missed = policy.postingBasis() == PostingBasis.CONTENT_PLAN
                ? plan.flagMissed(policy.id(), week.from(), week.to()) : Map.of();
        List<WeeklyCheckResult> stored = new ArrayList<>();
        for (Account account : accounts.list(List.of(policy.id()), null, AccountStatus.ACTIVE)) {
            if (find(account.id(), week.monday()).isPresent()) {
                continue;
            }
            PublicationLog.Counts c = counts.getOrDefault(account.id(), new PublicationLog.Counts(account.id(), 0, 0));
            WeeklyVerdict verdict = new WeeklyVerdict(c.publications(), c.reposts(), policy.weeklyMinimum(),
                    policy.repostCapPercent(), missed.getOrDefault(account.id(), 0));
            long id = insert(policy.id(), account.id(), week, verdict, now);
            if (verdict.shortfall()) {
                String instance = startExplanation(account, week, verdict, id, now);
                jdbc.sql("UPDATE weekly_check_result SET process_instance_id = ? WHERE id = ?").params(instance, id)
                        .update();
            }
            stored.add(find(id).orElseThrow());
        }
        return stored;
    }

    private String startExplanation(Account account, WeekWindow week, WeeklyVerdict verdict, long resultId,
                                    Instant now) {
        ProcessInstance instance = EngineChecks.withoutChecks(() -> runtime.createMessageCorrelation(MESSAGE_SHORTFALL)
                .withoutTenantId()
                .processInstanceBusinessKey("weekly-" + account.id() + "-" + week.monday())
                .setVariable(VAR_ORGANIZATION, account.organization())
                .setVariable(VAR_RESULT_ID, resultId)
                .setVariable(VAR_ACCOUNT_ID, account.id())
                .setVariable(VAR_ACCOUNT_NAME, account.displayName())
                .setVariable(VAR_ACCOUNT_URL, account.url())
                .setVariable(VAR_WEEK, week.title())
                .setVariable(VAR_CHECKED_AT, Date.from(now))
                .setVariable(VAR_FINDINGS, verdict.findings())
                .correlateStartMessage());
        return instance.getId();
    }

    /** Task_CheckWeek's delegate: the optional variable weekStart picks a week on a manual start. */
    public void check(DelegateExecution execution) {
        Object weekStart = execution.getVariable(VAR_WEEK_START);
        LocalDate monday = weekStart == null || weekStart.toString().isBlank() ? null
                : LocalDate.parse(weekStart.toString().trim());
        checkAll(ClockUtil.getCurrentTime().toInstant(), monday);
    }

    /** Task_ExplainShortfall, on complete (ACC-7): stores the account manager's explanation and plan. */
    public void explained(DelegateTask task) {
        String explanation = required(task, VAR_EXPLANATION, "Объясните причины");
        String plan = required(task, VAR_PLAN, "Опишите план");
        long id = ((Number) task.getVariable(VAR_RESULT_ID)).longValue();
        String who = task.getAssignee() != null ? task.getAssignee() : "system";
        jdbc.sql("UPDATE weekly_check_result SET explanation = ?, plan = ?, explained_by = ?, explained_at = ? "
                        + "WHERE id = ?")
                .params(explanation, plan, who, utc(ClockUtil.getCurrentTime().toInstant()), id).update();
    }

    private static String required(DelegateTask task, String name, String message) {
        Object value = task.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            throw new org.camunda.bpm.engine.ProcessEngineException(message + ": поле не заполнено");
        }
        String text = value.toString().trim();
        if (text.length() > 4000) {
            throw new org.camunda.bpm.engine.ProcessEngineException(message + ": не длиннее 4000 символов");
        }
        return text;
    }

    private long insert(String organization, long accountId, WeekWindow week, WeeklyVerdict v, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO weekly_check_result (organization_id, account_id, week_start, publications, reposts,
                            weekly_minimum, repost_cap_percent, missed_plan_items, below_minimum, repost_cap_exceeded,
                            shortfall, checked_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(organization, accountId, week.monday(), v.publications(), v.reposts(), v.weeklyMinimum(),
                        v.repostCapPercent(), v.missedPlanItems(), v.belowMinimum(), v.repostCapExceeded(),
                        v.shortfall(), utc(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<WeeklyCheckResult> find(long accountId, LocalDate weekStart) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM weekly_check_result WHERE account_id = ? AND week_start = ?")
                .params(accountId, weekStart).query(WeeklyCheck::map).optional();
    }

    public Optional<WeeklyCheckResult> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM weekly_check_result WHERE id = ?").param(id)
                .query(WeeklyCheck::map).optional();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static WeeklyCheckResult map(ResultSet rs, int row) throws SQLException {
        return new WeeklyCheckResult(rs.getLong("id"), rs.getString("organization_id"), rs.getLong("account_id"),
                rs.getObject("week_start", LocalDate.class), rs.getInt("publications"), rs.getInt("reposts"),
                integer(rs, "weekly_minimum"), integer(rs, "repost_cap_percent"), rs.getInt("missed_plan_items"),
                rs.getBoolean("below_minimum"), rs.getBoolean("repost_cap_exceeded"), rs.getBoolean("shortfall"),
                instant(rs, "checked_at"), rs.getString("process_instance_id"), rs.getString("explanation"),
                rs.getString("plan"), rs.getString("explained_by"), instant(rs, "explained_at"));
    }
}
