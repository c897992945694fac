package ru.otklik.message;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message's tallies of its journal and breaches (V65), the same on H2 and PostgreSQL: kept by the registry as
 * entries are written, and equal to what the migration derives from the journal and the breaches.
 */
final class MessageTalliesCheck {

    private final JdbcTemplate jdbc;
    private final MessageRegistry registry;
    private final PlatformTransactionManager transactions;

    MessageTalliesCheck(JdbcTemplate jdbc, MessageRegistry registry, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.transactions = transactions;
    }

    /** Kuzbass local time (UTC+7) of 2 March 2026 (a Monday). */
    static Instant at(String localTime) {
        return OffsetDateTime.parse("2026-03-02T" + localTime + ":00+07:00").toInstant();
    }

    /**
     * Returns, returns for rework, the first intermediate answer and the breached deadlines of one message, entry
     * by entry; an answer breach due after the first intermediate answer becomes the final answer's (MSG-17), also
     * when the intermediate answer is journalled after the breach.
     *
     * @return the message's id
     */
    long tallyOneMessage() {
        long id = message();
        registry.appendEvent(id, MessageEvents.RETURNED_NOT_COMPETENT, "t", at("10:20"), "MSG-9", null);
        registry.appendEvent(id, MessageEvents.RETURNED_NOT_COMPETENT, "t", at("10:40"), "MSG-9", null);
        registry.appendEvent(id, MessageEvents.RETURNED, "t", at("12:00"), "MSG-14", null);
        registry.appendEvent(id, MessageEvents.ROUTED, "t", at("10:10"), "MSG-8", null);
        assertThat(row(id)).containsEntry("returns", 2).containsEntry("reworks", 1).containsEntry("intermediate", null)
                .containsEntry("breached", null);

        registry.recordViolation(id, MessageStep.ROUTING, "MSG-8", "t", at("10:25"), at("10:25"));
        registry.recordViolation(id, MessageStep.ANSWER, "MSG-11", "t", at("18:00"), at("18:00"));
        assertThat(row(id)).containsEntry("breached", "answer,routing");

        // the intermediate answer at 13:00 lies before the answer breach due at 18:00: that breach is the final's
        registry.appendEvent(id, MessageEvents.FINAL_ANSWER_DUE, "t", at("13:00"), "MSG-17", null);
        assertThat(row(id)).containsEntry("intermediate", at("13:00")).containsEntry("breached", "final,routing");

        // an earlier intermediate answer, journalled later, is the first; a later one changes nothing
        registry.appendEvent(id, MessageEvents.FINAL_ANSWER_DUE, "t", at("11:00"), "MSG-17", null);
        registry.appendEvent(id, MessageEvents.FINAL_ANSWER_DUE, "t", at("16:00"), "MSG-17", null);
        assertThat(row(id)).containsEntry("intermediate", at("11:00"));

        // an answer breach due before the first intermediate answer is the first round's; one due at it, too
        registry.recordViolation(id, MessageStep.ANSWER, "MSG-11", "t", at("10:50"), at("10:50"));
        registry.recordViolation(id, MessageStep.ANSWER, "part", "MSG-18", "t", at("11:00"), at("11:00"));
        registry.recordViolation(id, MessageStep.POSTING, "MSG-16", "t", at("17:00"), at("17:00"));
        assertThat(row(id)).containsEntry("returns", 2).containsEntry("reworks", 1)
                .containsEntry("intermediate", at("11:00")).containsEntry("breached", "answer,final,posting,routing");
        return id;
    }

    /**
     * The migration's backfill, run again over every message in the database inside a transaction that is rolled
     * back, changes none of the tallies the registry kept.
     */
    void backfillAgreesWithTheRegistry(long tallied) throws IOException {
        List<String> updates = backfill();
        assertThat(updates).hasSize(2);
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            Map<Long, Map<String, Object>> kept = all();
            assertThat(kept.get(tallied)).containsEntry("breached", "answer,final,posting,routing");
            updates.forEach(jdbc::update);
            Map<Long, Map<String, Object>> derived = all();
            tx.setRollbackOnly();
            assertThat(derived).hasSameSizeAs(kept);
            kept.forEach((id, tallies) -> assertThat(derived.get(id)).as("message %d", id).isEqualTo(tallies));
        });
    }

    private List<String> backfill() throws IOException {
        String script = new ClassPathResource("db/migration/V65__message_tallies.sql")
                .getContentAsString(StandardCharsets.UTF_8);
        String code = Arrays.stream(script.split("\n")).filter(line -> !line.trim().startsWith("--"))
                .collect(Collectors.joining("\n"));
        return Arrays.stream(code.split(";")).map(String::trim).filter(s -> s.startsWith("UPDATE")).toList();
    }

    private long message() {
        String key = "tally-" + UUID.randomUUID();
        Timestamp detected = Timestamp.from(at("10:00"));
        jdbc.update("INSERT INTO message (organization_id, business_key, network, external_id, text, detected_at, "
                + "status, registered_by, created_at, updated_at) VALUES ('zags', ?, 'VK', ?, 'Текст', ?, 'DRAFTING', "
                + "'t', ?, ?)", key, key, detected, detected, detected);
        return jdbc.queryForObject("SELECT id FROM message WHERE business_key = ?", Long.class, key);
    }

    private Map<String, Object> row(long id) {
        return all("WHERE id = " + id).get(id);
    }

    private Map<Long, Map<String, Object>> all() {
        return all("");
    }

    private Map<Long, Map<String, Object>> all(String where) {
        Map<Long, Map<String, Object>> rows = new java.util.HashMap<>();
        jdbc.query("SELECT id, return_count, rework_count, intermediate_at, breached_deadlines FROM message " + where,
                rs -> {
                    OffsetDateTime intermediate = rs.getObject("intermediate_at", OffsetDateTime.class);
                    Map<String, Object> tallies = new java.util.HashMap<>();
                    tallies.put("returns", rs.getInt("return_count"));
                    tallies.put("reworks", rs.getInt("rework_count"));
                    tallies.put("intermediate", intermediate == null ? null : intermediate.toInstant());
                    tallies.put("breached", rs.getString("breached_deadlines"));
                    rows.put(rs.getLong("id"), tallies);
                });
        return rows;
    }
}
