package ru.otklik.message;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static ru.otklik.message.MessageResponseProcess.*;

/** {@code Task_ApproveAnswer} (MSG-14): records the approval or the return with remarks. */
@Component("approvalListener")
class ApprovalListener implements TaskListener {

    private final MessageSteps steps;

    ApprovalListener(MessageSteps steps) {
        this.steps = steps;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        String actor = ProcessVariables.actor(task);
        if (DECISION_APPROVE.equals(ProcessVariables.string(task, VAR_APPROVAL_DECISION))
                && Boolean.TRUE.equals(task.getVariable(VAR_IS_REPEAT))) {
            // MSG-20: the answer to a repeat cannot be approved without the measures taken
            steps.requireMeasures(ProcessVariables.messageId(task), ProcessVariables.string(task, VAR_MEASURES_TAKEN), false);
        }
        boolean approved = steps.decideApproval(ProcessVariables.messageId(task),
                ProcessVariables.string(task, VAR_APPROVAL_DECISION), ProcessVariables.string(task, VAR_REMARKS), actor);
        if (approved) {
            task.getExecution().getProcessInstance().setVariable(VAR_APPROVED_BY, actor);
        }
    }
}
