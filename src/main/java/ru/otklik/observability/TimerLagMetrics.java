package ru.otklik.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code otklik_timer_lag_seconds{organization,process,activity}}: how late a timer (a deadline, warning or
 * escalation of the acts) fired — the time of its successful execution minus its due date. Read from the
 * engine's job log history events (history level {@code full}), which carry both, so every timer of every
 * diagram is measured without touching the diagrams. A growing lag means the job executor falls behind.
 */
@Component
class TimerLagMetrics extends AbstractProcessEnginePlugin {

    private final MeterRegistry meters;

    TimerLagMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        // not a bean of its own: the starter would register a HistoryEventHandler bean a second time
        handlers.add(new TimerLagHandler());
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    private final class TimerLagHandler implements HistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (event instanceof HistoricJobLogEvent job && job.isSuccessLog() && job.getJobDueDate() != null
                    && job.getJobDefinitionType() != null && job.getJobDefinitionType().startsWith("timer-")) {
                Duration lag = Duration.between(job.getJobDueDate().toInstant(), job.getTimestamp().toInstant());
                Timer.builder("otklik.timer.lag")
                        .description("Delay between a timer's due date and its execution")
                        .tag("organization", job.getTenantId() == null ? "none" : job.getTenantId())
                        .tag("process", job.getProcessDefinitionKey() == null ? "none" : job.getProcessDefinitionKey())
                        .tag("activity", job.getActivityId() == null ? "none" : job.getActivityId())
                        .register(meters)
                        .record(lag.isNegative() ? Duration.ZERO : lag);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    }
}
