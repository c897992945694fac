package ru.otklik.message;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import ru.otklik.organization.Network;
import ru.otklik.organization.Role;
import ru.otklik.security.Staff;
import ru.otklik.support.OtklikPostgresTest;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MSG-8: registration numbers are taken in a transaction of their own, so an unfinished registration of an
 * organization does not hold up the next one, and a number whose registration failed is not given again.
 */
@OtklikPostgresTest
@DisplayName("Registration numbers on PostgreSQL")
class BusinessKeysPostgresTests {

    static final String ORG = "nkr";
    static final OffsetDateTime DETECTED = OffsetDateTime.parse("2026-11-24T10:40:00+07:00");

    @Autowired
    MessageIntakeService intake;
    @Autowired
    MessageRegistry registry;
    @Autowired
    BusinessKeys businessKeys;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Staff monitoring = new Staff("monitoring", Set.of(Role.INTAKE.groupId(ORG)), Set.of(ORG));

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("MSG-8: a registration still in its transaction does not hold up the next message of the organization")
    void openRegistrationDoesNotBlockTheNext() throws Exception {
        ClockUtil.setCurrentTime(Date.from(DETECTED.plusMinutes(5).toInstant()));
        TransactionTemplate open = new TransactionTemplate(transactions);
        open.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        String[] keys = new String[2];
        open.executeWithoutResult(status -> {
            // the first registration has its number and its row, but has not committed yet
            String first = businessKeys.next(ORG, DETECTED.toInstant());
            assertThat(registry.register(message("open"), "monitoring", first).created()).isTrue();
            keys[0] = first;
            // meanwhile another thread reports another post of the organization, through the whole intake
            CompletableFuture<Registration> second = CompletableFuture.supplyAsync(
                    () -> intake.report(request("next"), monitoring));
            Registration registered = second.orTimeout(20, TimeUnit.SECONDS).join();
            assertThat(registered.created()).isTrue();
            keys[1] = registered.entry().businessKey();
        });
        assertThat(number(keys[1])).isEqualTo(number(keys[0]) + 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message WHERE business_key IN (?, ?)", Integer.class,
                keys[0], keys[1])).isEqualTo(2);
    }

    @Test
    @DisplayName("MSG-8: a number whose registration is rolled back stays unused; the next message gets the one after it")
    void rolledBackNumberIsNotReused() {
        ClockUtil.setCurrentTime(Date.from(DETECTED.plusMinutes(5).toInstant()));
        TransactionTemplate failing = new TransactionTemplate(transactions);
        String[] lost = new String[1];
        try {
            failing.executeWithoutResult(status -> {
                lost[0] = businessKeys.next(ORG, DETECTED.toInstant());
                registry.register(message("lost"), "monitoring", lost[0]);
                throw new IllegalStateException("the registration fails after its row was written");
            });
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessageContaining("fails");
        }
        assertThat(registry.findByBusinessKey(lost[0])).isEmpty();
        Registration next = intake.report(request("after-lost"), monitoring);
        assertThat(next.created()).isTrue();
        assertThat(number(next.entry().businessKey())).isEqualTo(number(lost[0]) + 1);
    }

    @Test
    @DisplayName("MSG-8: a message reported again takes no number")
    void duplicateTakesNoNumber() {
        ClockUtil.setCurrentTime(Date.from(DETECTED.plusMinutes(5).toInstant()));
        Registration first = intake.report(request("dup"), monitoring);
        assertThat(intake.report(request("dup"), monitoring).created()).isFalse();
        Registration next = intake.report(request("after-dup"), monitoring);
        assertThat(number(next.entry().businessKey())).isEqualTo(number(first.entry().businessKey()) + 1);
    }

    private NewMessage message(String post) {
        return new NewMessage(ORG, Network.VK, "keys-" + run + "-" + post, "https://vk.com/wall-7_" + run + post,
                "Анна Кузнецова", "id7", "Когда откроют бассейн?", null, DETECTED.toInstant(), "Спорт", "Новокузнецк");
    }

    private MessageRequest request(String post) {
        return new MessageRequest(ORG, Network.VK, "keys-" + run + "-" + post, "https://vk.com/wall-7_" + run + post,
                "Анна Кузнецова", "id7", "Когда откроют бассейн?", null, DETECTED, "Спорт", "Новокузнецк");
    }

    private static long number(String businessKey) {
        assertThat(businessKey).matches(ORG + "-2026-\\d{6}");
        return Long.parseLong(businessKey.substring(businessKey.lastIndexOf('-') + 1));
    }
}
