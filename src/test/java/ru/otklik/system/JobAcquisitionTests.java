package ru.otklik.system;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.otklik.support.OtklikSpringTest;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When deadlines fall due faster than the job executor runs them, it takes the earliest due first
 * ({@code job-executor-acquire-by-due-date}), from the due-date index of {@code db/engine}.
 */
@OtklikSpringTest
@DisplayName("Acquisition of due jobs")
class JobAcquisitionTests {

    /** Due minutes after {@link #EPOCH}, in the order the timers are created: not the order they fall due in. */
    private static final int[] CREATION_ORDER = {7, 2, 11, 0, 9, 4, 1, 10, 5, 8, 3, 6};
    /** Before any deadline the other tests leave waiting, so that these are the earliest due jobs of the database. */
    private static final Instant EPOCH = Instant.parse("2001-01-01T00:00:00Z");

    @Autowired
    ProcessEngineConfigurationImpl configuration;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    DataSource dataSource;

    private String deploymentId;

    @AfterEach
    void removeDeployment() {
        if (deploymentId != null) {
            repository.deleteDeployment(deploymentId, true);
        }
    }

    @Test
    @DisplayName("a node behind its deadlines acquires the earliest due first, whatever order they were set in")
    void earliestDueFirst() {
        deploymentId = repository.createDeployment()
                .addModelInstance("acquisition-order.bpmn", Bpmn.createExecutableProcess("acquisitionOrder")
                        .camundaHistoryTimeToLive(1)
                        .startEvent()
                        .intermediateCatchEvent().timerWithDate("${due}")
                        .endEvent()
                        .done())
                .deploy().getId();
        for (int minute : CREATION_ORDER) {
            runtime.startProcessInstanceByKey("acquisitionOrder", Map.of("due", EPOCH.plus(minute, ChronoUnit.MINUTES).toString()));
        }

        AcquiredJobs acquired = configuration.getCommandExecutorTxRequired()
                .execute(new AcquireJobsCmd(configuration.getJobExecutor(), 4));

        List<String> ids = acquired.getJobIdBatches().stream().flatMap(Collection::stream).toList();
        assertThat(ids).hasSize(4);
        List<Instant> due = new ArrayList<>();
        for (String id : ids) {
            Job job = management.createJobQuery().jobId(id).singleResult();
            assertThat(job.getProcessDefinitionKey()).as("an acquired job of this test").isEqualTo("acquisitionOrder");
            due.add(job.getDuedate().toInstant());
        }
        assertThat(due).containsExactlyInAnyOrder(EPOCH, EPOCH.plus(1, ChronoUnit.MINUTES),
                EPOCH.plus(2, ChronoUnit.MINUTES), EPOCH.plus(3, ChronoUnit.MINUTES));
    }

    @Test
    @DisplayName("the due-date index Camunda does not ship is created once the engine's tables are there")
    void dueDateIndex() throws SQLException {
        List<String> indexedColumns = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            for (String table : List.of("ACT_RU_JOB", "act_ru_job")) {
                try (ResultSet rs = c.getMetaData().getIndexInfo(null, null, table, false, false)) {
                    while (rs.next()) {
                        if ("otk_idx_job_duedate".equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
                            indexedColumns.add(rs.getString("COLUMN_NAME").toUpperCase());
                        }
                    }
                }
            }
        }
        assertThat(indexedColumns).containsExactly("DUEDATE_");
    }
}
