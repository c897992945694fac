package ru.otklik.system;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import ru.otklik.support.OtklikSpringTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled tasks (case starts, the CSV import, mail delivery, the registry's metrics, retention) each have a
 * thread of the scheduler's pool ({@code spring.task.scheduling.pool.size}), so that a 30-s slice of case starts
 * or of an import holds up neither mail nor metrics.
 */
@OtklikSpringTest
@DisplayName("Scheduled tasks")
class SchedulingTests {

    @Autowired
    ThreadPoolTaskScheduler scheduler;
    @Autowired
    List<ScheduledTaskHolder> holders;

    @Test
    @DisplayName("every scheduled task has a thread of its own")
    void threadPerTask() {
        List<String> tasks = holders.stream().flatMap(h -> h.getScheduledTasks().stream())
                .map(ScheduledTask::toString).toList();
        assertThat(tasks).as("scheduled tasks").anyMatch(t -> t.contains("CaseStarter.poll"))
                .anyMatch(t -> t.contains("MailDelivery")).anyMatch(t -> t.contains("MonitoringImportWorker"));
        assertThat(scheduler.getScheduledThreadPoolExecutor().getCorePoolSize()).as("threads for " + tasks)
                .isGreaterThanOrEqualTo(tasks.size());
    }
}
