package ru.otklik.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.YearMonth;

import static ru.otklik.report.MonthlySummaryProcess.*;

/** The delegates of {@code bpmn/MonthlySummary.bpmn}; thin, the rules are in {@link MonthlySummaries}. */
final class MonthlySummaryDelegates {

    private MonthlySummaryDelegates() {
    }

    /** Task_StartDueSummaries (MSG-25): the organizations whose first working day of the month is today. */
    @Component("monthlySummaryStartDelegate")
    static class Start implements JavaDelegate {
        private final MonthlySummaries summaries;

        Start(MonthlySummaries summaries) {
            this.summaries = summaries;
        }

        @Override
        public void execute(DelegateExecution execution) {
            summaries.startDue(now());
        }
    }

    /** Task_CompileSummary (MSG-25): computes and stores the previous month's summary. */
    @Component("monthlySummaryCompileDelegate")
    static class Compile implements JavaDelegate {
        private final MonthlySummaries summaries;

        Compile(MonthlySummaries summaries) {
            this.summaries = summaries;
        }

        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariables(summaries.compile((String) execution.getVariable(VAR_ORGANIZATION),
                    YearMonth.parse((String) execution.getVariable(VAR_MONTH)), execution.getProcessInstanceId(), now()));
        }
    }

    /** Task_ReviewSummary, on complete (MSG-25). */
    @Component("monthlySummaryReviewListener")
    static class Review implements TaskListener {
        private final MonthlySummaries summaries;

        Review(MonthlySummaries summaries) {
            this.summaries = summaries;
        }

        @Override
        public void notify(DelegateTask task) {
            summaries.reviewed(summaryId(task), (String) task.getVariable(VAR_REMARKS), actor(task), now());
        }
    }

    /** Task_DecideMeasures, on complete (MSG-27, MSG-28). */
    @Component("monthlySummaryDecisionListener")
    static class Decide implements TaskListener {
        private final MonthlySummaries summaries;

        Decide(MonthlySummaries summaries) {
            this.summaries = summaries;
        }

        @Override
        public void notify(DelegateTask task) {
            summaries.decided(summaryId(task), (String) task.getVariable(VAR_DECISIONS),
                    (String) task.getVariable(VAR_COORDINATOR_REPORT), actor(task), now());
        }
    }

    /** Task_AcknowledgeSummary, on complete (MSG-28): the summary becomes final. */
    @Component("monthlySummaryAcknowledgementListener")
    static class Acknowledge implements TaskListener {
        private final MonthlySummaries summaries;

        Acknowledge(MonthlySummaries summaries) {
            this.summaries = summaries;
        }

        @Override
        public void notify(DelegateTask task) {
            summaries.acknowledged(summaryId(task), (String) task.getVariable(VAR_HEAD_NOTES), actor(task), now());
        }
    }

    /** Task_Warn* (MSG-24): the step's deadline is near. */
    @Component("monthlySummaryWarnDelegate")
    static class Warn implements JavaDelegate {
        private final SummaryEscalations escalations;

        Warn(SummaryEscalations escalations) {
            this.escalations = escalations;
        }

        @Override
        public void execute(DelegateExecution execution) {
            escalations.warn(execution.getProcessInstanceId(), (String) execution.getVariable(VAR_ORGANIZATION),
                    watched(execution), (String) execution.getVariable(VAR_MONTH_TITLE));
        }
    }

    /** Task_Escalate* (MSG-24): the step's deadline passed. */
    @Component("monthlySummaryEscalateDelegate")
    static class Escalate implements JavaDelegate {
        private final SummaryEscalations escalations;

        Escalate(SummaryEscalations escalations) {
            this.escalations = escalations;
        }

        @Override
        public void execute(DelegateExecution execution) {
            escalations.escalate(execution.getProcessInstanceId(), (String) execution.getVariable(VAR_ORGANIZATION),
                    watched(execution), (String) execution.getVariable(VAR_MONTH_TITLE));
        }
    }

    private static String watched(DelegateExecution execution) {
        String task = WATCHED.get(execution.getCurrentActivityId());
        if (task == null) {
            throw new IllegalStateException(execution.getCurrentActivityId() + " watches no task");
        }
        return task;
    }

    private static long summaryId(DelegateTask task) {
        return ((Number) task.getVariable(VAR_SUMMARY_ID)).longValue();
    }

    private static String actor(DelegateTask task) {
        return task.getAssignee() != null ? task.getAssignee() : "system";
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
