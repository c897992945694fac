package ru.otklik.report;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.organization.OrganizationPolicies;
import ru.otklik.organization.OrganizationPolicy;
import ru.otklik.system.EngineChecks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static ru.otklik.report.MonthlySummaryProcess.*;
import static ru.otklik.report.SqlTime.instant;
import static ru.otklik.report.SqlTime.utc;

/**
 * The monthly summary as a procedure (MSG-25, MSG-27, MSG-28): started on the first working day of the month
 * for each organization, compiled and stored, reviewed by the responsible ОТО specialist, decided on by the
 * coordinator (a measure or none for every violation) and acknowledged by the head of the body.
 */
@Service
public class MonthlySummaries {

    private static final Logger log = LoggerFactory.getLogger(MonthlySummaries.class);
    static final String NO_MEASURES = "меры не предлагаются";
    private static final String DASH = " — ";
    private static final Pattern DECISION = Pattern.compile("^(\\d+)\\.\\s.*" + DASH + "(.*)$");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final SummaryQueries queries;
    private final StoredSummaries stored;
    private final SummarySchedule schedule;
    private final OrganizationPolicies policies;
    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final HistoryService history;

    public MonthlySummaries(SummaryQueries queries, StoredSummaries stored, SummarySchedule schedule,
                            OrganizationPolicies policies, JdbcClient jdbc, RuntimeService runtime,
                            HistoryService history) {
        this.queries = queries;
        this.stored = stored;
        this.schedule = schedule;
        this.policies = policies;
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.history = history;
    }

    /** The business key of one organization's summary of one month: {@code zags-2026-10}. */
    public static String businessKey(String organization, YearMonth month) {
        return organization + "-" + month;
    }

    /**
     * Task_StartDueSummaries: for every organization whose first working day of the month is today, starts the
     * summary of the previous month in its tenant, once (a second run on the same day starts nothing).
     *
     * @return the business keys started now
     */
    public List<String> startDue(Instant now) {
        List<String> started = new ArrayList<>();
        for (OrganizationPolicy policy : policies.all()) {
            schedule.monthDue(policy.id(), now).ifPresent(month -> {
                String key = businessKey(policy.id(), month);
                long existing = EngineChecks.withoutChecks(() -> history.createHistoricProcessInstanceQuery()
                        .processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(key).count());
                if (existing == 0) {
                    EngineChecks.withoutChecks(() -> runtime.createMessageCorrelation(MESSAGE_SUMMARY_DUE)
                            .withoutTenantId()
                            .processInstanceBusinessKey(key)
                            .setVariable(VAR_ORGANIZATION, policy.id())
                            .setVariable(VAR_MONTH, month.toString())
                            .correlateStartMessage());
                    started.add(key);
                }
            });
        }
        log.info("Monthly summaries started: {}", started);
        return started;
    }

    /** Task_CompileSummary (MSG-25): computes and stores the summary; returns what the forms show. */
    @Transactional
    public Map<String, Object> compile(String organization, YearMonth month, String processInstanceId, Instant now) {
        Period period = Period.of(month);
        StoredSummary summary = stored.store(queries.compile(organization, period, now), processInstanceId);
        List<ViolationItem> items = violationItems(organization, period);
        Summary.Figures f = summary.summary().total();
        Summary.OnTime answer = f.onTime(Deadline.ANSWER.key);
        String headline = "Сообщений: " + f.messages() + "; ответов размещено: " + f.answered()
                + "; ответ в срок: " + (answer.share() == null ? "—" : Math.round(answer.share() * 100) + " %")
                + "; нарушений сроков за месяц: " + items.size() + ".";
        return Map.of(VAR_SUMMARY_ID, summary.id(),
                VAR_SUMMARY_URL, "/reports/monthly/" + organization + "/" + month,
                VAR_MONTH_TITLE, period.title(),
                VAR_HEADLINE, headline,
                VAR_VIOLATIONS, items.isEmpty() ? "Нарушений сроков за месяц не зарегистрировано." : lines(items, null),
                VAR_DECISIONS, items.isEmpty() ? "" : lines(items, NO_MEASURES));
    }

    /** MSG-25: the specialist's remarks on quality; required. */
    @Transactional
    public void reviewed(long summaryId, String remarks, String by, Instant at) {
        String text = required(remarks, "Укажите замечания по качеству работы с сообщениями (MSG-25) "
                + "или напишите «замечаний нет».", 10000);
        stored.reviewed(summary(summaryId), text, by, at);
    }

    /**
     * MSG-27, MSG-28: the coordinator's decision on every violation (one line each, as prefilled, ending in the
     * measure proposed or «меры не предлагаются») and the report to the head.
     */
    @Transactional
    public List<StoredSummary.Decision> decided(long summaryId, String decisions, String report, String by, Instant at) {
        StoredSummary summary = summary(summaryId);
        String text = required(report, "Составьте доклад руководителю органа (MSG-28).", 10000);
        List<ViolationItem> items = violationItems(summary.summary().organization(), summary.summary().period());
        Map<Integer, String> measures = new TreeMap<>();
        if (decisions != null) {
            for (String line : decisions.split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                Matcher m = DECISION.matcher(line.trim());
                if (!m.matches()) {
                    throw new SummaryInputException("Строка «" + line.trim() + "» не по образцу: «№. нарушение — мера» "
                            + "(MSG-27).");
                }
                int no = Integer.parseInt(m.group(1));
                String measure = m.group(2).trim();
                if (no < 1 || no > items.size()) {
                    throw new SummaryInputException("Нарушения № " + no + " в перечне нет (MSG-27).");
                }
                if (measure.isEmpty()) {
                    throw new SummaryInputException("Укажите меру или «" + NO_MEASURES + "» по нарушению № " + no
                            + " (MSG-27).");
                }
                if (measure.length() > 2000) {
                    throw new SummaryInputException("Мера по нарушению № " + no + " длиннее 2000 знаков.");
                }
                if (measures.put(no, measure) != null) {
                    throw new SummaryInputException("По нарушению № " + no + " указано два решения (MSG-27).");
                }
            }
        }
        List<StoredSummary.Decision> list = new ArrayList<>();
        for (int no = 1; no <= items.size(); no++) {
            String measure = measures.get(no);
            if (measure == null) {
                throw new SummaryInputException("Нет решения по нарушению № " + no + ": укажите меру или «"
                        + NO_MEASURES + "» (MSG-27).");
            }
            ViolationItem item = items.get(no - 1);
            list.add(new StoredSummary.Decision(no, item.source(), item.id(), item.responsible(), item.ruleId(), measure));
        }
        stored.decided(summary, list, text, by, at);
        return list;
    }

    /** MSG-28: the head of the body acknowledged the summary; it is final from now on. */
    @Transactional
    public void acknowledged(long summaryId, String notes, String by, Instant at) {
        String text = notes == null || notes.isBlank() ? null : notes.trim();
        if (text != null && text.length() > 10000) {
            throw new SummaryInputException("Указания длиннее 10000 знаков.");
        }
        stored.acknowledged(summary(summaryId), text, by, at);
    }

    /** MSG-27: every breach recorded in the period, oldest first, as numbered in the coordinator's form. */
    public List<ViolationItem> violationItems(String organization, Period period) {
        ZoneId zone = policies.get(organization).zone();
        OffsetDateTime from = utc(SummaryQueries.start(period.from(), zone));
        OffsetDateTime to = utc(SummaryQueries.start(period.to(), zone));
        List<ViolationItem> items = new ArrayList<>();
        items.addAll(jdbc.sql("SELECT v.id, v.actual_at AS at, v.responsible_user AS responsible, v.rule_id, "
                        + "m.business_key, v.step, v.scope, v.due_at FROM message_violation v "
                        + "JOIN message m ON m.id = v.message_id WHERE m.organization_id = ? AND v.actual_at >= ? "
                        + "AND v.actual_at < ?").params(organization, from, to)
                .query((rs, n) -> item(rs, "MESSAGE", "Сообщение " + rs.getString("business_key") + ", этап «"
                        + stepTitle(rs.getString("step")) + "»"
                        + (rs.getString("scope").isEmpty() ? "" : " (" + rs.getString("scope") + ")")
                        + ", срок " + TIME.format(instant(rs, "due_at").atZone(zone)), zone)).list());
        items.addAll(jdbc.sql("SELECT v.id, v.recorded_at AS at, v.responsible, v.rule_id, v.kind, a.display_name "
                        + "FROM account_violation v JOIN account a ON a.id = v.account_id WHERE v.organization_id = ? "
                        + "AND v.recorded_at >= ? AND v.recorded_at < ?").params(organization, from, to)
                .query((rs, n) -> item(rs, "ACCOUNT", "Аккаунт «" + rs.getString("display_name") + "», "
                        + rs.getString("kind"), zone)).list());
        items.addAll(jdbc.sql("SELECT id, recorded_at AS at, responsible, rule_id, description FROM content_violation "
                        + "WHERE organization_id = ? AND recorded_at >= ? AND recorded_at < ?").params(organization, from, to)
                .query((rs, n) -> item(rs, "CONTENT", rs.getString("description"), zone)).list());
        items.sort(Comparator.comparing(ViolationItem::recordedAt).thenComparing(ViolationItem::source)
                .thenComparing(ViolationItem::id));
        return items;
    }

    private static ViolationItem item(ResultSet rs, String source, String subject, ZoneId zone) throws SQLException {
        Instant at = instant(rs, "at");
        String responsible = rs.getString("responsible");
        return new ViolationItem(source, rs.getLong("id"), at, responsible == null ? "—" : responsible,
                rs.getString("rule_id"), subject.replace(DASH, ", ") + ", зафиксировано " + TIME.format(at.atZone(zone)));
    }

    private static String lines(List<ViolationItem> items, String measure) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            ViolationItem item = items.get(i);
            text.append(i + 1).append(". [").append(item.ruleId()).append("] ").append(item.subject())
                    .append("; ответственный: ").append(item.responsible());
            if (measure != null) {
                text.append(DASH).append(measure);
            }
            text.append('\n');
        }
        return text.toString().trim();
    }

    private static String stepTitle(String step) {
        for (Deadline d : Deadline.values()) {
            if (d.key.equals(step)) {
                return d.title;
            }
        }
        return step;
    }

    private StoredSummary summary(long id) {
        return stored.find(id).orElseThrow(() -> new IllegalStateException("No stored summary " + id));
    }

    private static String required(String value, String message, int max) {
        if (value == null || value.isBlank()) {
            throw new SummaryInputException(message);
        }
        if (value.trim().length() > max) {
            throw new SummaryInputException("Текст длиннее " + max + " знаков.");
        }
        return value.trim();
    }

}
