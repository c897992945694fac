package ru.otklik.content;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.otklik.account.AccountRegistry;
import ru.otklik.content.approval.ContentApproval;
import ru.otklik.content.approval.ContentApprovals;
import ru.otklik.content.approval.NewContentApproval;
import ru.otklik.content.plan.ContentPlan;
import ru.otklik.content.plan.NewPlanItem;
import ru.otklik.content.publication.DuplicatePublicationException;
import ru.otklik.content.publication.NewPublication;
import ru.otklik.content.publication.PublicationLog;
import ru.otklik.content.weekly.WeeklyCheck;
import ru.otklik.content.weekly.WeeklyCheckResult;
import ru.otklik.support.OtklikPostgresTest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.otklik.content.ContentTesting.*;
import static ru.otklik.content.approval.ContentApprovalProcess.*;

/** Content on a real PostgreSQL server: the V20 migration, the SQL aggregation per Kuzbass week, time zones. */
@OtklikPostgresTest
class ContentPostgresTests {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AccountRegistry registry;
    @Autowired
    PublicationLog log;
    @Autowired
    ContentPlan plan;
    @Autowired
    WeeklyCheck check;
    @Autowired
    ContentApprovals approvals;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("ACC-7, ACC-8, ACC-6 on PostgreSQL: week 14.12–20.12.2026 counted in SQL (Sunday 23:30 in, Monday 00:00 out), missed plan item, duplicate link refused")
    void weeklyCheck() {
        assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
        long account = activeAccount(registry, "zags", "pg_" + unique());
        clockAt("2026-12-10T10:00");
        plan.plan(new NewPlanItem(account, "2026-12-16T10:00", "Тема недели", "CONTEST", "zags-accounts"),
                accountManager("zags"));
        clockAt("2026-12-21T08:00");
        String link = "https://vk.com/wall-1_" + unique();
        log.record(new NewPublication(account, "2026-12-14T00:00", null, null, "TEXT", link, null),
                accountManager("zags"), PublicationLog.SOURCE_API);
        log.record(new NewPublication(account, "2026-12-20T23:30", "REPOST", "https://vk.com/src", "TEXT",
                "https://vk.com/wall-2_" + unique(), null), accountManager("zags"), PublicationLog.SOURCE_API);
        log.record(new NewPublication(account, "2026-12-21T00:00", null, null, "TEXT",
                "https://vk.com/wall-3_" + unique(), null), accountManager("zags"), PublicationLog.SOURCE_API);
        assertThatThrownBy(() -> log.record(new NewPublication(account, "2026-12-15T10:00", null, null, "TEXT",
                link + "/", null), accountManager("zags"), PublicationLog.SOURCE_API))
                .isInstanceOf(DuplicatePublicationException.class);

        check.checkAll(kuzbass("2026-12-21T09:00"), null);

        WeeklyCheckResult result = check.find(account, LocalDate.of(2026, 12, 14)).orElseThrow();
        assertThat(result.publications()).isEqualTo(2);
        assertThat(result.reposts()).isEqualTo(1);
        assertThat(result.missedPlanItems()).isEqualTo(1);
        assertThat(result.shortfall()).isTrue();
        assertThat(result.processInstanceId()).isNotNull();
        assertThat(jdbc.queryForObject("SELECT published_at FROM publication WHERE link = ?", OffsetDateTime.class, link)
                .toInstant()).isEqualTo(kuzbass("2026-12-14T00:00"));
    }

    @Test
    @DisplayName("ACC-15 on PostgreSQL: special project 30.04.2026 10:00 → due 06.05.2026 18:00+07:00; agreed")
    void contentApproval() {
        clockAt("2026-04-30T10:00");
        ContentApprovals.Receipt receipt = approvals.submit(new NewContentApproval("minzdrav", "SPECIAL_PROJECT",
                "Спецпроект", "Текст спецпроекта.", null), accountManager("minzdrav"));
        assertThat(receipt.dueAt()).isEqualTo(OffsetDateTime.parse("2026-05-06T18:00:00+07:00").toInstant());

        new ContentTesting(tasks, identity).complete("minzdrav-accounts", receipt.processInstanceId(), TASK_REVIEW,
                Map.of(VAR_DECISION, DECISION_AGREED));
        ContentApproval approval = approvals.find(receipt.id()).orElseThrow();
        assertThat(approval.status()).isEqualTo("AGREED");
        assertThat(approval.late()).isFalse();
    }
}
