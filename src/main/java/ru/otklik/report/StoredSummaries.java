package ru.otklik.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static ru.otklik.report.SqlTime.instant;
import static ru.otklik.report.SqlTime.utc;

/**
 * The table {@code monthly_summary} and the coordinator's decisions (MSG-25, MSG-27, MSG-28). Every change is
 * refused once the head of the body has acknowledged the summary: the updates carry
 * {@code acknowledged_at IS NULL}, so a concurrent acknowledgement cannot be overwritten either.
 */
@Component
public class StoredSummaries {

    private static final String COLUMNS = "id, organization_id, period_from, period_to, figures, remarks, reviewed_by, "
            + "reviewed_at, coordinator_report, decided_by, decided_at, head_notes, acknowledged_by, acknowledged_at, "
            + "process_instance_id";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public StoredSummaries(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<StoredSummary> find(String organization, Period period) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM monthly_summary WHERE organization_id = ? AND period_from = ? "
                        + "AND period_to = ?")
                .params(organization, period.from(), period.to()).query(this::row).optional();
    }

    public Optional<StoredSummary> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM monthly_summary WHERE id = ?").param(id).query(this::row).optional();
    }

    /**
     * Stores the figures, replacing those compiled earlier for the same organization and period.
     *
     * @throws SummaryAcknowledgedException when the head has acknowledged the stored summary
     */
    @Transactional
    public StoredSummary store(Summary summary, String processInstanceId) {
        Optional<StoredSummary> existing = find(summary.organization(), summary.period());
        String figures = write(summary);
        if (existing.isEmpty()) {
            jdbc.sql("INSERT INTO monthly_summary (organization_id, period_from, period_to, figures, compiled_at, "
                            + "process_instance_id) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(summary.organization(), summary.period().from(), summary.period().to(), figures,
                            utc(summary.compiledAt()), processInstanceId).update();
        } else {
            update(existing.get(), "UPDATE monthly_summary SET figures = ?, compiled_at = ?, process_instance_id = "
                    + "COALESCE(?, process_instance_id) WHERE id = ? AND acknowledged_at IS NULL",
                    figures, utc(summary.compiledAt()), processInstanceId, existing.get().id());
        }
        return find(summary.organization(), summary.period()).orElseThrow();
    }

    /** MSG-25: the responsible ОТО specialist's remarks on quality. */
    @Transactional
    public void reviewed(StoredSummary s, String remarks, String by, Instant at) {
        update(s, "UPDATE monthly_summary SET remarks = ?, reviewed_by = ?, reviewed_at = ? WHERE id = ? "
                + "AND acknowledged_at IS NULL", remarks, by, utc(at), s.id());
    }

    /** MSG-27, MSG-28: the coordinator's decision on each violation and the report to the head. */
    @Transactional
    public void decided(StoredSummary s, List<StoredSummary.Decision> decisions, String report, String by, Instant at) {
        update(s, "UPDATE monthly_summary SET coordinator_report = ?, decided_by = ?, decided_at = ? WHERE id = ? "
                + "AND acknowledged_at IS NULL", report, by, utc(at), s.id());
        jdbc.sql("DELETE FROM monthly_summary_decision WHERE summary_id = ?").param(s.id()).update();
        for (StoredSummary.Decision d : decisions) {
            jdbc.sql("INSERT INTO monthly_summary_decision (summary_id, item_no, source, violation_id, responsible, "
                            + "rule_id, measure, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(s.id(), d.itemNo(), d.source(), d.violationId(), d.responsible(), d.ruleId(), d.measure(),
                            by, utc(at)).update();
        }
    }

    /** MSG-28: the head of the body acknowledged the summary; from now on it is final. */
    @Transactional
    public void acknowledged(StoredSummary s, String notes, String by, Instant at) {
        update(s, "UPDATE monthly_summary SET head_notes = ?, acknowledged_by = ?, acknowledged_at = ? WHERE id = ? "
                + "AND acknowledged_at IS NULL", notes, by, utc(at), s.id());
    }

    private void update(StoredSummary s, String sql, Object... params) {
        if (jdbc.sql(sql).params(params).update() == 0) {
            throw new SummaryAcknowledgedException(s.summary().organization(), s.summary().period());
        }
    }

    private List<StoredSummary.Decision> decisions(long summaryId) {
        return jdbc.sql("SELECT item_no, source, violation_id, responsible, rule_id, measure FROM monthly_summary_decision "
                        + "WHERE summary_id = ? ORDER BY item_no").param(summaryId)
                .query((rs, n) -> new StoredSummary.Decision(rs.getInt("item_no"), rs.getString("source"),
                        rs.getLong("violation_id"), rs.getString("responsible"), rs.getString("rule_id"),
                        rs.getString("measure"))).list();
    }

    private StoredSummary row(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        Summary summary;
        try {
            summary = json.readValue(rs.getString("figures"), Summary.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored summary " + id + " is unreadable", e);
        }
        return new StoredSummary(id, summary, rs.getString("remarks"), rs.getString("reviewed_by"),
                instant(rs, "reviewed_at"), rs.getString("coordinator_report"), rs.getString("decided_by"),
                instant(rs, "decided_at"), rs.getString("head_notes"), rs.getString("acknowledged_by"),
                instant(rs, "acknowledged_at"), rs.getString("process_instance_id"), decisions(id));
    }

    private String write(Summary summary) {
        try {
            return json.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Summary not serializable", e);
        }
    }


}
