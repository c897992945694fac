package ru.otklik.message;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.otklik.organization.Network;
import ru.otklik.organization.Role;
import ru.otklik.security.Staff;
import ru.otklik.support.OtklikPostgresTest;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CaseStarterTests} on PostgreSQL, and MSG-8: two nodes working through the queue of cases to start at the
 * same time start each case once.
 */
@OtklikPostgresTest
@DisplayName("Cases started in the background on PostgreSQL")
class CaseStarterPostgresTests extends CaseStarterTests {

    static final int MESSAGES = 30;

    @Autowired
    MessageIntakeService intake;

    @Test
    @DisplayName("MSG-8: two starters at once: every queued message gets exactly one case")
    void concurrentStarters() {
        OffsetDateTime detected = OffsetDateTime.parse("2026-11-24T10:40:00+07:00");
        ClockUtil.setCurrentTime(Date.from(detected.plusMinutes(1).toInstant()));
        Staff monitoring = new Staff("monitoring", Set.of(Role.INTAKE.groupId("zags")), Set.of("zags"));
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            Registration registration = intake.reportLater(new MessageRequest("zags", Network.TELEGRAM,
                    "queue-" + run + "-" + i, "https://t.me/kuzbass/" + run + i, "Читатель " + i, "tg" + i,
                    "Когда отремонтируют крышу школы?", null, detected, "Образование", "Кемерово"), monitoring);
            assertThat(registration.created()).isTrue();
            assertThat(registration.entry().processInstanceId()).isNull();
            keys.add(registration.entry().businessKey());
        }

        CompletableFuture<Integer> nodeA = CompletableFuture.supplyAsync(() -> starter.startPending(Duration.ofMinutes(2)));
        CompletableFuture<Integer> nodeB = CompletableFuture.supplyAsync(() -> starter.startPending(Duration.ofMinutes(2)));
        int started = nodeA.orTimeout(3, TimeUnit.MINUTES).join() + nodeB.orTimeout(3, TimeUnit.MINUTES).join();

        assertThat(started).isGreaterThanOrEqualTo(MESSAGES);
        for (String key : keys) {
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).as(key).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message m JOIN message_case_queue q ON q.message_id = m.id "
                + "WHERE m.business_key IN (" + String.join(",", keys.stream().map(k -> "'" + k + "'").toList()) + ")",
                Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message WHERE external_id LIKE ? AND status = 'ROUTING'",
                Integer.class, "queue-" + run + "-%")).isEqualTo(MESSAGES);
    }
}
