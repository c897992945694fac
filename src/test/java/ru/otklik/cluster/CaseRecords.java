package ru.otklik.cluster;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the shared database says about the messages of one test run, recognized by the prefix of their external
 * ids: registry rows, their cases, the routing timers (MSG-8, MSG-24) and what those timers did.
 */
final class CaseRecords {

    static final String ROUTING_WARNING = "BoundaryEvent_RoutingWarning";
    static final String ROUTING_OVERDUE = "BoundaryEvent_RoutingOverdue";
    private static final String ROUTING_TIMERS = "('" + ROUTING_WARNING + "', '" + ROUTING_OVERDUE + "')";
    private static final String OURS = "m.external_id LIKE ?";

    private final JdbcTemplate jdbc;
    private final String like;

    CaseRecords(JdbcTemplate jdbc, String externalIdPrefix) {
        this.jdbc = jdbc;
        this.like = externalIdPrefix + "%";
    }

    long messages() {
        return count("SELECT COUNT(*) FROM message m WHERE " + OURS);
    }

    /** Routing timer jobs of these cases still in the database (due or locked). */
    long routingJobsLeft() {
        return count("SELECT COUNT(*) FROM ACT_RU_JOB j JOIN ACT_RU_JOBDEF d ON d.ID_ = j.JOB_DEF_ID_"
                + " JOIN message m ON m.process_instance_id = j.PROCESS_INSTANCE_ID_"
                + " WHERE " + OURS + " AND d.ACT_ID_ IN " + ROUTING_TIMERS);
    }

    long incidents() {
        return count("SELECT COUNT(*) FROM ACT_RU_INCIDENT i JOIN message m ON m.process_instance_id = i.PROC_INST_ID_"
                + " WHERE " + OURS);
    }

    /** Failed attempts of routing timer jobs (e.g. a lost optimistic lock), retried by the engine. */
    long failedRoutingAttempts() {
        return count("SELECT COUNT(*) FROM ACT_HI_JOB_LOG l JOIN message m ON m.process_instance_id = l.PROCESS_INSTANCE_ID_"
                + " WHERE " + OURS + " AND l.JOB_STATE_ = 1 AND l.ACT_ID_ IN " + ROUTING_TIMERS);
    }

    /** Successful executions of routing timer jobs: job id, activity, host name, time. */
    List<Map<String, Object>> routingSuccesses() {
        return jdbc.queryForList("SELECT l.JOB_ID_ AS job, l.ACT_ID_ AS activity, l.HOSTNAME_ AS host,"
                + " l.TIMESTAMP_ AS at FROM ACT_HI_JOB_LOG l JOIN message m ON m.process_instance_id = l.PROCESS_INSTANCE_ID_"
                + " WHERE " + OURS + " AND l.JOB_STATE_ = 2 AND l.ACT_ID_ IN " + ROUTING_TIMERS, like);
    }

    /**
     * MSG-8, MSG-24, MSG-27: both routing timers of every case fired exactly once, and their effects exist exactly
     * once per message: one warning and one overdue entry in the journal, one violation, one notification of
     * each kind.
     */
    void assertRoutingTimersFiredOnce(long expectedMessages) {
        assertThat(messages()).as("messages").isEqualTo(expectedMessages);
        List<Map<String, Object>> successes = routingSuccesses();
        assertThat(successes).as("successful routing timer jobs").hasSize((int) (2 * expectedMessages));
        assertThat(successes.stream().map(s -> s.get("job")).distinct().count())
                .as("routing timer jobs that succeeded (none twice)").isEqualTo(2 * expectedMessages);
        for (String timer : List.of(ROUTING_WARNING, ROUTING_OVERDUE)) {
            assertThat(messagesWhere("(SELECT COUNT(*) FROM ACT_HI_JOB_LOG l WHERE l.PROCESS_INSTANCE_ID_ ="
                    + " m.process_instance_id AND l.JOB_STATE_ = 2 AND l.ACT_ID_ = '" + timer + "') <> 1"))
                    .as("messages whose " + timer + " did not succeed exactly once").isZero();
        }
        assertThat(messagesWhere("(SELECT COUNT(*) FROM message_event e WHERE e.message_id = m.id"
                + " AND e.step = 'warning') <> 1")).as("messages without exactly one warning in the journal").isZero();
        assertThat(messagesWhere("(SELECT COUNT(*) FROM message_event e WHERE e.message_id = m.id"
                + " AND e.step = 'overdue') <> 1")).as("messages without exactly one overdue entry").isZero();
        assertThat(messagesWhere("(SELECT COUNT(*) FROM message_violation v WHERE v.message_id = m.id"
                + " AND v.step = 'routing') <> 1")).as("messages without exactly one routing violation").isZero();
        assertThat(messagesWhere("(SELECT COUNT(*) FROM notification n WHERE n.message_id = m.id"
                + " AND n.kind = 'DEADLINE_WARNING') <> 1")).as("messages without exactly one warning notification")
                .isZero();
        assertThat(messagesWhere("(SELECT COUNT(*) FROM notification n WHERE n.message_id = m.id"
                + " AND n.kind = 'DEADLINE_BREACHED') <> 1")).as("messages without exactly one breach notification")
                .isZero();
        assertThat(incidents()).as("incidents").isZero();
    }

    /**
     * MSG-8: one registry row per distinct post, each with its own case of {@code MessageResponse} under the
     * message's business key, and no case without its row anywhere in the database: nothing half-stored.
     */
    void assertOneCasePerMessage(long distinctPosts) {
        assertThat(messages()).as("registry rows").isEqualTo(distinctPosts);
        assertThat(messagesWhere("m.process_instance_id IS NULL")).as("rows without a case").isZero();
        assertThat(messagesWhere("NOT EXISTS (SELECT 1 FROM ACT_HI_PROCINST p WHERE p.ID_ = m.process_instance_id"
                + " AND p.BUSINESS_KEY_ = m.business_key AND p.PROC_DEF_KEY_ = 'MessageResponse')"))
                .as("rows whose case does not exist").isZero();
        assertThat(count("SELECT COUNT(*) FROM ACT_HI_PROCINST p WHERE p.PROC_DEF_KEY_ = 'MessageResponse'"
                + " AND NOT EXISTS (SELECT 1 FROM message m WHERE m.process_instance_id = p.ID_)"))
                .as("cases without a registry row").isZero();
        assertThat(count("SELECT COUNT(*) FROM (SELECT p.BUSINESS_KEY_ FROM ACT_HI_PROCINST p"
                + " WHERE p.PROC_DEF_KEY_ = 'MessageResponse' GROUP BY p.BUSINESS_KEY_ HAVING COUNT(*) > 1) twice"))
                .as("business keys with more than one case").isZero();
    }

    private long messagesWhere(String condition) {
        return count("SELECT COUNT(*) FROM message m WHERE " + OURS + " AND " + condition);
    }

    private long count(String sql) {
        Long count = sql.contains("?") ? jdbc.queryForObject(sql, Long.class, like) : jdbc.queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }
}
