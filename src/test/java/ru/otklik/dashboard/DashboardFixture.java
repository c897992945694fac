package ru.otklik.dashboard;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import ru.otklik.message.AnswerKind;
import ru.otklik.message.Importance;
import ru.otklik.message.MessageRegistry;
import ru.otklik.message.MessageStatus;
import ru.otklik.message.MessageStep;
import ru.otklik.message.NewMessage;
import ru.otklik.organization.Network;
import ru.otklik.security.Staff;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Registry rows of the dashboard tests, all in February 2025, which no other test and no real clock uses:
 * "now" is Wednesday 12.02.2025 15:00 in Kuzbass (UTC+7), a plain working day (09:00–13:00, 14:00–18:00).
 * Every call makes new messages with external ids of its own.
 */
final class DashboardFixture {

    static final ZoneId NSK = ZoneId.of("Asia/Novokuznetsk");
    static final Instant NOW = at("2025-02-12T15:00");
    /** The last complete week before {@link #NOW} starts on Monday 03.02.2025. */
    static final LocalDate LAST_WEEK = LocalDate.of(2025, 2, 3);
    static final String HOSTILE_TEXT = "<script>alert('otklik')</script> Когда откроют отдел ЗАГС?";
    static final String HOSTILE_AUTHOR = "<img src=x onerror=alert(1)>";

    static final Staff ZAGS_COORDINATOR = new Staff("zags-coordinator", Set.of("zags-coordinator"), Set.of("zags"));
    static final Staff MEDIA_DIRECTORATE = new Staff("kuzbass-gov-registry",
            Set.of("kuzbass-gov-registry-keepers", "kuzbass-gov-security"), Set.of("kuzbass-gov"));

    private final MessageRegistry registry;
    private final JdbcClient jdbc;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private int sequence;

    DashboardFixture(MessageRegistry registry, JdbcClient jdbc) {
        this.registry = registry;
        this.jdbc = jdbc;
    }

    static Instant at(String kuzbassLocal) {
        return LocalDateTime.parse(kuzbassLocal).atZone(NSK).toInstant();
    }

    static void clockAtNow() {
        ClockUtil.setCurrentTime(Date.from(NOW));
    }

    /**
     * The messages of one call, by letter:
     * <ul>
     * <li>a — zags, routing due 15:15, answer due tomorrow 14:50; detected today 14:50 (VK), hostile text</li>
     * <li>b — zags, elevated, draft of «yur» due 14:30 (overdue), answer due tomorrow 09:30; detected today 09:30 (VK)</li>
     * <li>c — zags, rework of a joint answer of «yur» and «it» due 16:00, answer due yesterday 17:00 (overdue);
     *     detected yesterday</li>
     * <li>d — zags, «arch», awaiting the author's reply; its old answer deadline 10.02 10:00 no longer runs</li>
     * <li>e — zags, answered; detected today 10:00 (OK)</li>
     * <li>f — zags, registered only; detected yesterday 23:59:59</li>
     * <li>g — zags, not to be processed (MSG-23); detected today 00:00 (Twitter)</li>
     * <li>m — minzdrav, «law», answer due today 11:00 (overdue)</li>
     * </ul>
     */
    record Messages(String a, String b, String c, String d, String e, String f, String g, String m, String account) {
    }

    Messages create() {
        long a = register("zags", Network.VK, "2025-02-12T14:50", HOSTILE_AUTHOR, HOSTILE_TEXT);
        registry.stepStarted(a, MessageStep.ROUTING, at("2025-02-12T15:15"));
        registry.stepStarted(a, MessageStep.ANSWER, at("2025-02-13T14:50"));

        long b = register("zags", Network.VK, "2025-02-12T09:30", "Анна", "Где получить справку о рождении?");
        registry.classify(b, Importance.ELEVATED, List.of("yur"), null, "zags-coordinator");
        registry.stepStarted(b, MessageStep.ANSWER, at("2025-02-13T09:30"));
        registry.executorAssigned(b, "zags-executor-yur", "zags-head-yur");
        registry.stepStarted(b, MessageStep.DRAFT, at("2025-02-12T14:30"));

        long c = register("zags", Network.VK, "2025-02-11T09:00", "Олег", "Почему не отвечают по телефону?");
        registry.classify(c, Importance.REGULAR, List.of("yur", "it"), null, "zags-coordinator");
        registry.stepStarted(c, MessageStep.ANSWER, at("2025-02-11T17:00"));
        registry.stepStarted(c, MessageStep.REWORK, at("2025-02-12T16:00"));

        long d = register("zags", Network.VK, "2025-02-10T08:00", "Ирина", "Какие документы нужны?");
        registry.classify(d, Importance.REGULAR, List.of("arch"), null, "zags-coordinator");
        registry.stepStarted(d, MessageStep.ANSWER, at("2025-02-10T10:00"));
        registry.answered(d, "https://vk.com/wall-1_" + run + "d", at("2025-02-10T09:50"), "zags-specialist",
                AnswerKind.CLARIFICATION);

        long e = register("zags", Network.OK, "2025-02-12T10:00", "Пётр", "Спасибо за помощь!");
        registry.answered(e, "https://ok.ru/group/1/topic/" + run + "e", at("2025-02-12T11:00"), "zags-specialist");

        long f = register("zags", Network.VK, "2025-02-11T23:59:59", "Вера", "Вопрос поздним вечером");
        long g = register("zags", Network.TWITTER, "2025-02-12T00:00", "Некто", "Оскорбления");
        registry.changeStatus(g, MessageStatus.NOT_PROCESSED);

        long m = register("minzdrav", Network.VK, "2025-02-12T09:00", "Мария", "Нет записи к врачу");
        registry.classify(m, Importance.REGULAR, List.of("law"), null, "minzdrav-coordinator");
        registry.stepStarted(m, MessageStep.ANSWER, at("2025-02-12T11:00"));

        String account = shortfall();
        return new Messages(key(a), key(b), key(c), key(d), key(e), key(f), key(g), key(m), account);
    }

    /**
     * ACC-7: a zags account 3 publications short of 10 in the week of 03.02.2025, one without a shortfall that
     * week, and one short only in the week before (not the latest checked). The accounts are deleted since, so
     * that no weekly check of another test counts them. Returns the name of the one short last week.
     */
    private String shortfall() {
        String name = "Дашборд " + run;
        long shortAccount = account(name);
        weeklyResult(shortAccount, LAST_WEEK, 3, true);
        weeklyResult(account("Дашборд без недобора " + run), LAST_WEEK, 12, false);
        weeklyResult(account("Дашборд прошлый " + run), LAST_WEEK.minusWeeks(1), 2, true);
        return name;
    }

    private long account(String name) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO account (organization_id, network, url, display_name, status, text_description,
                            designed_visuals, official_page, two_factor_enabled, security_owner, source, registered_by,
                            registered_at, updated_at)
                        VALUES ('zags', 'VK', ?, ?, 'DELETED', TRUE, TRUE, TRUE, TRUE, 'ОТО', 'IMPORT', 'test', ?, ?)""")
                .params("https://vk.com/dashboard_" + run + "_" + (++sequence), name, NOW.atOffset(ZoneOffset.UTC),
                        NOW.atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private void weeklyResult(long accountId, LocalDate week, int publications, boolean shortfall) {
        jdbc.sql("""
                        INSERT INTO weekly_check_result (organization_id, account_id, week_start, publications, reposts,
                            weekly_minimum, missed_plan_items, below_minimum, repost_cap_exceeded, shortfall, checked_at)
                        VALUES ('zags', ?, ?, ?, 0, 10, 0, ?, FALSE, ?, ?)""")
                .params(accountId, week, publications, shortfall, shortfall, NOW.atOffset(ZoneOffset.UTC))
                .update();
    }

    private long register(String org, Network network, String detected, String author, String text) {
        String id = run + "-" + (++sequence);
        return registry.register(new NewMessage(org, network, "dashboard-" + id, null, author, "author-" + id, text,
                null, at(detected), "Тема " + id, null), "test").entry().id();
    }

    private String key(long id) {
        return registry.find(id).orElseThrow().businessKey();
    }
}
