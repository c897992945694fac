package ru.otklik.message;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.otklik.notification.NotificationKind;
import ru.otklik.notification.TasklistNotifier;
import ru.otklik.organization.Network;
import ru.otklik.organization.OrganizationPolicies;
import ru.otklik.support.OtklikPostgresTest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.otklik.message.MessageResponseProcess.*;

/** The registry of messages and its case on a real PostgreSQL server: the same SQL as on H2. */
@OtklikPostgresTest
@DisplayName("Registry of messages on PostgreSQL")
class MessageRegistryPostgresTests {

    static final ZoneId NSK = ZoneId.of("Asia/Novokuznetsk");

    @Autowired
    MessageRegistry registry;
    @Autowired
    MessageProcess process;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    TasklistNotifier notifications;
    @Autowired
    OrganizationPolicies policies;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(NSK).toInstant();
    }

    @Test
    @DisplayName("MSG-8, MSG-24, MSG-27: register, deduplicate, search, start the case, escalate the routing deadline")
    void registryAndCase() {
        ClockUtil.setCurrentTime(Date.from(at("2026-11-27T17:52")));
        NewMessage message = new NewMessage("nkr", Network.OK, "pg-1", "https://ok.ru/group/nkr/topic/1",
                "Пётр Сидоров", "u1", "Когда почистят дорогу в Сосновке?", at("2026-11-27T17:40").atZone(NSK)
                .toOffsetDateTime(), at("2026-11-27T17:50"), "Дороги", "Сосновка");
        Registration registration = registry.register(message, "monitoring");
        assertThat(registration.created()).isTrue();
        assertThat(registration.entry().businessKey()).matches("nkr-2026-\\d{6}");
        assertThat(registration.entry().postedAt()).isEqualTo(at("2026-11-27T17:40"));

        // the same post, by external id or by link, is not registered twice
        assertThat(registry.register(message, "monitoring").created()).isFalse();
        assertThat(registry.findExisting("nkr", Network.OK, null, "https://ok.ru/group/nkr/topic/1")).isPresent();
        assertThat(registry.findExisting("nkr", Network.OK, "pg-1", null)).isPresent();
        assertThat(registry.findExisting("zags", Network.OK, "pg-1", null)).isEmpty();

        MessageEntry started = process.start(registration.entry());
        assertThat(started.status()).isEqualTo(MessageStatus.ROUTING);
        assertThat(started.deadlines()).containsEntry("routing", at("2026-11-30T09:15"))
                .containsEntry("answer", at("2026-11-30T17:50"));

        assertThat(registry.search("nkr", null, MessageStatus.ROUTING, at("2026-11-27T00:00"), at("2026-11-28T00:00"), 0, 10)
                .items()).extracting(MessageEntry::id).containsExactly(started.id());
        assertThat(registry.search(null, Set.of("nkr", "zags"), null, null, null, 0, 10).total()).isPositive();
        // other tests share the database: check the organization filter on this entry only
        assertThat(registry.search(null, Set.of("minsoc"), null, null, null, 0, 100).items())
                .extracting(MessageEntry::id).doesNotContain(started.id())
                .allSatisfy(id -> assertThat(registry.find(id).orElseThrow().organization()).isEqualTo("minsoc"));

        // the routing deadline passes on Monday 09:15
        ClockUtil.setCurrentTime(Date.from(at("2026-11-30T09:16")));
        Job overdue = management.createJobQuery().processInstanceId(started.processInstanceId())
                .activityId(BOUNDARY_ROUTING_OVERDUE).singleResult();
        management.executeJob(overdue.getId());
        // MSG-24: the ОТО specialists answer for the routing deadlines
        assertThat(registry.violations(started.id())).containsExactly(new Violation("routing", "MSG-8",
                "nkr-specialists", at("2026-11-30T09:15"), at("2026-11-30T09:16")));
        assertThat(notifications.forMessage(started.id())).singleElement()
                .satisfies(n -> assertThat(n.kind()).isEqualTo(NotificationKind.DEADLINE_BREACHED));
        assertThat(registry.events(started.id())).extracting(MessageEvent::step)
                .containsExactly(MessageEvents.REGISTERED, MessageEvents.PROCESS_STARTED, MessageEvents.OVERDUE);

        // the work goes on
        Task classify = tasks.createTaskQuery().processInstanceId(started.processInstanceId()).singleResult();
        String department = policies.get("nkr").departments().get(0).id();
        tasks.complete(classify.getId(), Map.of(VAR_IMPORTANCE, "REGULAR", VAR_DEPARTMENT, department));
        assertThat(registry.find(started.id()).orElseThrow().status()).isEqualTo(MessageStatus.IN_DEPARTMENT);
    }

}
