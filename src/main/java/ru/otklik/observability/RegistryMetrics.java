package ru.otklik.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import ru.otklik.message.MessageStatus;
import ru.otklik.organization.OrganizationPolicies;
import ru.otklik.organization.OrganizationPolicy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gauges of the registry of messages, read with one grouped query every
 * {@code otklik.observability.registry-refresh} (default 30 s) and served from memory to every scrape:
 * <ul>
 * <li>{@code otklik_messages_open{organization,step}} — messages whose case is not finished, by the step they
 * are at (the registry status, e.g. {@code ROUTING}, {@code DRAFTING}); every open step of every organization is
 * reported, with 0 where there is none;</li>
 * <li>{@code otklik_messages_overdue{organization}} — open messages with at least one breached deadline
 * (MSG-24, MSG-27).</li>
 * </ul>
 */
@Component
class RegistryMetrics {

    /** Statuses of a finished case. */
    static final Set<MessageStatus> FINISHED = EnumSet.of(MessageStatus.ANSWERED, MessageStatus.NOT_PROCESSED,
            MessageStatus.CANCELLED);

    private final JdbcClient jdbc;
    private final OrganizationPolicies policies;
    private final MultiGauge open;
    private final MultiGauge overdue;

    RegistryMetrics(JdbcClient jdbc, OrganizationPolicies policies, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.open = MultiGauge.builder("otklik.messages.open")
                .description("Messages whose case is not finished, by organization and step").register(meters);
        this.overdue = MultiGauge.builder("otklik.messages.overdue")
                .description("Open messages with a breached deadline (MSG-24, MSG-27)").register(meters);
    }

    /** Reads the registry and replaces the gauges' values. */
    @Scheduled(fixedDelayString = "${otklik.observability.registry-refresh:PT30S}")
    void refresh() {
        Map<String, Map<MessageStatus, Long>> openCounts = new HashMap<>();
        Map<String, Long> overdueCounts = new HashMap<>();
        jdbc.sql("SELECT organization_id, status, COUNT(*) AS total, "
                        + "SUM(CASE WHEN overdue_steps IS NULL OR overdue_steps = '' THEN 0 ELSE 1 END) AS overdue "
                        + "FROM message GROUP BY organization_id, status")
                .query(rs -> {
                    MessageStatus status = MessageStatus.valueOf(rs.getString("status"));
                    if (FINISHED.contains(status)) {
                        return;
                    }
                    String org = rs.getString("organization_id");
                    openCounts.computeIfAbsent(org, o -> new HashMap<>()).put(status, rs.getLong("total"));
                    overdueCounts.merge(org, rs.getLong("overdue"), Long::sum);
                });
        List<MultiGauge.Row<?>> openRows = new ArrayList<>();
        List<MultiGauge.Row<?>> overdueRows = new ArrayList<>();
        for (OrganizationPolicy policy : policies.all()) {
            String org = policy.id();
            for (MessageStatus status : EnumSet.complementOf(EnumSet.copyOf(FINISHED))) {
                long count = openCounts.getOrDefault(org, Map.of()).getOrDefault(status, 0L);
                openRows.add(MultiGauge.Row.of(Tags.of("organization", org, "step", status.name()), count));
            }
            overdueRows.add(MultiGauge.Row.of(Tags.of("organization", org), overdueCounts.getOrDefault(org, 0L)));
        }
        open.register(openRows, true);
        overdue.register(overdueRows, true);
    }
}
