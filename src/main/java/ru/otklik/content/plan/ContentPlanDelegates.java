package ru.otklik.content.plan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The delegates of {@code bpmn/ContentPlanItem.bpmn}; thin, the rules are in {@link ContentPlan}. */
final class ContentPlanDelegates {

    private ContentPlanDelegates() {
    }

    /** Task_CheckPlanItem (ACC-6): whether the item still waits for its publication. */
    @Component("contentPlanItemCheckDelegate")
    static class Check implements JavaDelegate {
        private final ContentPlan plan;

        Check(ContentPlan plan) {
            this.plan = plan;
        }

        @Override
        public void execute(DelegateExecution execution) {
            long id = ((Number) execution.getVariable(ContentPlanItemProcess.VAR_PLAN_ITEM_ID)).longValue();
            execution.setVariable(ContentPlanItemProcess.VAR_ITEM_OPEN, plan.open(id));
        }
    }
}
