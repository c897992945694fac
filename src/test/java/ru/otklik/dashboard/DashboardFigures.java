package ru.otklik.dashboard;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.otklik.message.MessageRegistry;
import ru.otklik.security.Staff;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static ru.otklik.dashboard.DashboardFixture.at;

/**
 * The figures of the dashboard on registry rows the test builds (see {@link DashboardFixture}), on the database of
 * the subclass. Counts are compared as the change the rows make, since other tests share the database; the time
 * left is computed here by hand against the working day 09:00–13:00, 14:00–18:00.
 */
abstract class DashboardFigures {

    @Autowired
    MessageRegistry registry;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DashboardService dashboards;
    @Autowired
    DashboardAccess access;

    @BeforeEach
    void clock() {
        DashboardFixture.clockAtNow();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private Dashboard dashboard(Staff staff, String org) {
        return dashboards.build(access.scope(staff, org));
    }

    @Test
    @DisplayName("MSG-8, MSG-24, ACC-7: open messages by step, department load, today's intake, shortfalls, as of the engine clock")
    void figures() {
        Dashboard before = dashboard(DashboardFixture.ZAGS_COORDINATOR, "zags");
        DashboardFixture.Messages m = new DashboardFixture(registry, jdbc).create();
        Dashboard after = dashboard(DashboardFixture.ZAGS_COORDINATOR, "zags");

        assertThat(after.generatedAt()).isEqualTo(DashboardFixture.NOW);
        assertThat(after.organization()).isEqualTo("zags");
        // open: a, b, c, d, f; overdue: b (draft), c (answer); today: a, b, e, g; one account short last week
        assertThat(after.totals().open() - before.totals().open()).isEqualTo(5);
        assertThat(after.totals().overdue() - before.totals().overdue()).isEqualTo(2);
        assertThat(after.totals().intakeToday() - before.totals().intakeToday()).isEqualTo(4);
        assertThat(after.totals().quotaShortfalls() - before.totals().quotaShortfalls()).isEqualTo(1);

        assertThat(after.openBySteps()).extracting(Dashboard.StepLoad::status).containsExactly("REGISTERED", "ROUTING",
                "IN_DEPARTMENT", "DRAFTING", "APPROVAL", "REWORK", "POSTING", "RETURNED", "INTERMEDIATE_ANSWERED",
                "AWAITING_REPLY");
        Map<String, List<Long>> steps = change(before.openBySteps(), after.openBySteps(), Dashboard.StepLoad::status,
                s -> List.of(s.open(), s.overdue()));
        assertThat(steps).containsEntry("REGISTERED", List.of(1L, 0L)).containsEntry("ROUTING", List.of(1L, 0L))
                .containsEntry("IN_DEPARTMENT", List.of(0L, 0L)).containsEntry("DRAFTING", List.of(1L, 1L))
                .containsEntry("APPROVAL", List.of(0L, 0L)).containsEntry("REWORK", List.of(1L, 1L))
                .containsEntry("AWAITING_REPLY", List.of(1L, 0L));

        // MSG-18: the joint answer of yur and it counts for both
        assertThat(after.departmentLoad()).extracting(Dashboard.DepartmentLoad::department)
                .containsExactly("oto", "yur", "it", "arch", "fin");
        Map<String, List<Long>> departments = change(before.departmentLoad(), after.departmentLoad(),
                Dashboard.DepartmentLoad::department, d -> List.of(d.open(), d.overdue()));
        assertThat(departments).containsEntry("yur", List.of(2L, 2L)).containsEntry("it", List.of(1L, 1L))
                .containsEntry("arch", List.of(1L, 0L)).containsEntry("oto", List.of(0L, 0L));

        Dashboard.Intake intake = after.intakeToday();
        assertThat(intake.elevated() - before.intakeToday().elevated()).isEqualTo(1);
        assertThat(intake.answered() - before.intakeToday().answered()).isEqualTo(1);
        assertThat(intake.notProcessed() - before.intakeToday().notProcessed()).isEqualTo(1);
        assertThat(change(before.intakeToday().byNetwork(), intake.byNetwork(), Dashboard.NetworkCount::network,
                n -> List.of(n.count())))
                .containsEntry("VK", List.of(2L)).containsEntry("OK", List.of(1L))
                .containsEntry("TWITTER", List.of(1L)).containsEntry("FACEBOOK", List.of(0L));
        assertThat(intake.messages()).extracting(Dashboard.IntakeMessage::businessKey)
                .contains(m.a(), m.b(), m.e(), m.g()).doesNotContain(m.c(), m.d(), m.f());

        // MSG-24: overdue now — the longest overdue first: c (answer due yesterday 17:00), then b (draft due 14:30)
        List<String> overdue = after.overdue().stream().map(Dashboard.OpenMessage::businessKey).toList();
        assertThat(overdue).contains(m.b(), m.c()).doesNotContain(m.a(), m.d(), m.f(), m.m());
        assertThat(overdue.indexOf(m.c())).isLessThan(overdue.indexOf(m.b()));
        Dashboard.OpenMessage b = find(after.overdue(), m.b());
        assertThat(b.overdue()).isTrue();
        assertThat(b.importance()).isEqualTo("ELEVATED");
        assertThat(b.departments()).containsExactly("yur");
        assertThat(b.executor()).isEqualTo("zags-executor-yur");
        assertThat(b.step()).extracting(Dashboard.Deadline::step, Dashboard.Deadline::rule, Dashboard.Deadline::due,
                        Dashboard.Deadline::calendarMinutesLeft, Dashboard.Deadline::workingMinutesLeft,
                        Dashboard.Deadline::overdue, Dashboard.Deadline::calendarLeft)
                .containsExactly("draft", "MSG-13", at("2025-02-12T14:30"), -30L, -30L, true, "просрочено на 30 мин");
        // answer due tomorrow 09:30: 18 h 30 min of calendar, 15:00–18:00 + 09:00–09:30 = 3 h 30 min of working time
        assertThat(b.answer()).extracting(Dashboard.Deadline::step, Dashboard.Deadline::rule,
                        Dashboard.Deadline::calendarMinutesLeft, Dashboard.Deadline::workingMinutesLeft,
                        Dashboard.Deadline::overdue, Dashboard.Deadline::calendarLeft, Dashboard.Deadline::workingLeft,
                        Dashboard.Deadline::dueLocal)
                .containsExactly("answer", "MSG-12", 1110L, 210L, false, "18 ч 30 мин", "3 ч 30 мин",
                        "13.02.2025 09:30");
        Dashboard.OpenMessage c = find(after.overdue(), m.c());
        assertThat(c.departments()).containsExactly("yur", "it");
        assertThat(c.step()).extracting(Dashboard.Deadline::step, Dashboard.Deadline::calendarMinutesLeft,
                Dashboard.Deadline::workingMinutesLeft, Dashboard.Deadline::overdue).containsExactly("rework", 60L, 60L, false);
        // answer due yesterday 17:00: 22 h ago; working time since: 17:00–18:00 + 09:00–13:00 + 14:00–15:00 = 6 h
        assertThat(c.answer()).extracting(Dashboard.Deadline::rule, Dashboard.Deadline::calendarMinutesLeft,
                        Dashboard.Deadline::workingMinutesLeft, Dashboard.Deadline::overdue, Dashboard.Deadline::calendarLeft,
                        Dashboard.Deadline::workingLeft)
                .containsExactly("MSG-11", -1320L, -360L, true, "просрочено на 22 ч", "просрочено на 6 ч");

        // within their deadlines, the nearest first; the awaited author's reply stops the answer deadline
        Dashboard.OpenMessage a = find(after.open(), m.a());
        assertThat(a.overdue()).isFalse();
        assertThat(a.statusTitle()).isEqualTo("Определение важности и отдела");
        assertThat(a.step()).extracting(Dashboard.Deadline::step, Dashboard.Deadline::rule,
                        Dashboard.Deadline::calendarMinutesLeft, Dashboard.Deadline::workingMinutesLeft)
                .containsExactly("routing", "MSG-8", 15L, 15L);
        // answer due tomorrow 14:50: 23 h 50 min of calendar; 15:00–18:00 + 09:00–13:00 + 14:00–14:50 = 7 h 50 min
        assertThat(a.answer()).extracting(Dashboard.Deadline::calendarMinutesLeft, Dashboard.Deadline::workingMinutesLeft)
                .containsExactly(1430L, 470L);
        assertThat(a.text()).isEqualTo(DashboardFixture.HOSTILE_TEXT);
        List<Instant> nextDues = after.open().stream()
                .map(o -> o.step() == null ? o.answer() == null ? null : o.answer().due()
                        : o.answer() == null || o.step().due().isBefore(o.answer().due()) ? o.step().due() : o.answer().due())
                .filter(java.util.Objects::nonNull).toList();
        assertThat(nextDues).isSorted();

        // ACC-7: the latest checked week (03.02.2025), the account short of it; not the one short only the week before
        assertThat(after.quotaShortfalls()).filteredOn(q -> q.accountName().startsWith("Дашборд"))
                .extracting(Dashboard.QuotaShortfall::accountName, Dashboard.QuotaShortfall::weekStart,
                        Dashboard.QuotaShortfall::publications, Dashboard.QuotaShortfall::weeklyMinimum,
                        Dashboard.QuotaShortfall::belowMinimum, Dashboard.QuotaShortfall::explained)
                .contains(tuple(m.account(), DashboardFixture.LAST_WEEK, 3, 10, true, false));
        assertThat(after.quotaShortfalls()).noneMatch(q -> q.accountName().startsWith("Дашборд без недобора")
                || q.accountName().startsWith("Дашборд прошлый"));
    }

    @Test
    @DisplayName("ACC-13: the media directorate sees every organization; a coordinator only their own")
    void tenants() {
        DashboardFixture.Messages m = new DashboardFixture(registry, jdbc).create();

        Dashboard all = dashboard(DashboardFixture.MEDIA_DIRECTORATE, null);
        assertThat(all.organization()).isNull();
        assertThat(all.organizations()).extracting(Dashboard.Organization::id)
                .containsExactly("kuzbass-gov", "minsoc", "minzdrav", "nkr", "zags");
        assertThat(all.overdue()).extracting(Dashboard.OpenMessage::businessKey).contains(m.m(), m.b(), m.c());
        assertThat(all.departmentLoad()).extracting(Dashboard.DepartmentLoad::organization, Dashboard.DepartmentLoad::department)
                .contains(tuple("minzdrav", "law"), tuple("zags", "yur"));

        Dashboard minzdrav = dashboard(DashboardFixture.MEDIA_DIRECTORATE, "minzdrav");
        assertThat(minzdrav.overdue()).extracting(Dashboard.OpenMessage::businessKey).contains(m.m())
                .doesNotContain(m.b(), m.c());
        assertThat(minzdrav.intakeToday().messages()).allMatch(i -> i.organization().equals("minzdrav"));

        Dashboard zags = dashboard(DashboardFixture.ZAGS_COORDINATOR, null);
        assertThat(zags.organization()).isEqualTo("zags");
        assertThat(zags.organizations()).extracting(Dashboard.Organization::id).containsExactly("zags");
        assertThat(zags.overdue()).extracting(Dashboard.OpenMessage::businessKey).contains(m.b())
                .doesNotContain(m.m());
    }

    private static Dashboard.OpenMessage find(List<Dashboard.OpenMessage> list, String businessKey) {
        return list.stream().filter(o -> o.businessKey().equals(businessKey)).findFirst()
                .orElseThrow(() -> new AssertionError(businessKey + " is not listed"));
    }

    /** The change of each row's figures from before to after, by key. */
    private static <T> Map<String, List<Long>> change(List<T> before, List<T> after, Function<T, String> key,
                                                      Function<T, List<Long>> figures) {
        Map<String, List<Long>> old = before.stream().collect(Collectors.toMap(key, figures));
        return after.stream().collect(Collectors.toMap(key, t -> {
            List<Long> now = figures.apply(t);
            List<Long> was = old.get(key.apply(t));
            return java.util.stream.IntStream.range(0, now.size())
                    .mapToObj(i -> now.get(i) - (was == null ? 0 : was.get(i))).toList();
        }));
    }
}
