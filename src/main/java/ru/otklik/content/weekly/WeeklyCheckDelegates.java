package ru.otklik.content.weekly;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The delegates of {@code bpmn/WeeklyPublicationCheck.bpmn}; thin, the rules are in {@link WeeklyCheck}. */
final class WeeklyCheckDelegates {

    private WeeklyCheckDelegates() {
    }

    /** Task_CheckWeek (ACC-6, ACC-7, ACC-8). */
    @Component("weeklyCheckDelegate")
    static class Check implements JavaDelegate {
        private final WeeklyCheck check;

        Check(WeeklyCheck check) {
            this.check = check;
        }

        @Override
        public void execute(DelegateExecution execution) {
            check.check(execution);
        }
    }

    /** Task_ExplainShortfall, on complete (ACC-7). */
    @Component("weeklyExplanationListener")
    static class Explained implements TaskListener {
        private final WeeklyCheck check;

        Explained(WeeklyCheck check) {
            this.check = check;
        }

        @Override
        public void notify(DelegateTask task) {
            check.explained(task);
        }
    }
}
