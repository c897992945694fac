package ru.otklik.integration.monitoring;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.otklik.integration.IntakeRequests;
import ru.otklik.message.MessageIntakeService;
import ru.otklik.message.MessageRequest;
import ru.otklik.organization.Network;
import ru.otklik.organization.Role;
import ru.otklik.security.Staff;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cost of one new message through {@link MessageIntakeService} (registry row, business key, start of the
 * case up to its first wait state, history): each message in a transaction of its own, as
 * {@code POST /api/messages} does, and in batches of {@value #BATCH} in one transaction, as the import does.
 * Prints ms/message; {@code -Dotklik.throughput-messages=N} (default 300) messages each, after a warm-up.
 */
abstract class IntakeThroughput {

    static final int BATCH = 50;

    @Autowired
    MessageIntakeService intake;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Staff staff = new Staff("monitoring", Set.of(Role.INTAKE.groupId("zags")), Set.of("zags"));
    private int sequence;

    abstract String database();

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void perMessage() {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-11-24T11:00:00+07:00").toInstant()));
        int messages = Integer.getInteger("otklik.throughput-messages", 300);
        TransactionTemplate batch = new TransactionTemplate(transactions);
        for (int i = 0; i < Math.max(50, messages / 5); i++) {
            intake.report(request(), staff);
        }
        long single = 0;
        long batched = 0;
        for (int round = 0; round < 3; round++) {
            long started = System.nanoTime();
            for (int i = 0; i < messages / 3; i++) {
                assertThat(intake.report(request(), staff).created()).isTrue();
            }
            single += System.nanoTime() - started;
            started = System.nanoTime();
            for (int b = 0; b < messages / 3 / BATCH; b++) {
                batch.executeWithoutResult(s -> {
                    for (int i = 0; i < BATCH; i++) {
                        assertThat(intake.reportWithin(request(), staff).created()).isTrue();
                    }
                });
            }
            batched += System.nanoTime() - started;
        }
        int singles = messages / 3 * 3;
        int batches = messages / 3 / BATCH * BATCH * 3;
        System.out.printf("Intake throughput on %s: %.1f ms/message one per transaction (%d), %.1f ms/message "
                        + "in batches of %d (%d)%n", database(), single / 1e6 / singles, singles,
                batched / 1e6 / Math.max(1, batches), BATCH, batches);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message WHERE external_id LIKE ?", Long.class,
                "throughput-" + run + "-%")).isEqualTo(sequence);
    }

    private MessageRequest request() {
        int n = ++sequence;
        return IntakeRequests.of("zags", Network.VK, "throughput-" + run + "-" + n, null, "Автор " + n,
                "id" + n, "Сообщение номер " + n, OffsetDateTime.parse("2026-11-24T10:00:00+07:00"), null,
                "Тема " + (n % 7), "Кемерово");
    }
}
