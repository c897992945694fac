package ru.otklik.message;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static ru.otklik.message.MessageResponseProcess.*;

/**
 * {@code Task_ComposeJointAnswer} (MSG-19): shows the departments' parts to the specialist; on completion records
 * the joint draft, which then goes to approval like any draft (MSG-14).
 */
@Component("composeListener")
class ComposeListener implements TaskListener {

    private final MessageSteps steps;

    ComposeListener(MessageSteps steps) {
        this.steps = steps;
    }

    @Override
    public void notify(DelegateTask task) {
        long messageId = ProcessVariables.messageId(task);
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> task.setVariableLocal(VAR_JOINT_PARTS_TEXT, steps.jointParts(messageId));
            case EVENTNAME_COMPLETE -> {
                String actor = ProcessVariables.actor(task);
                if (Boolean.TRUE.equals(task.getVariable(VAR_IS_REPEAT))) {
                    steps.requireMeasures(messageId, ProcessVariables.string(task, VAR_MEASURES_TAKEN), true);
                }
                steps.composeJoint(messageId, ProcessVariables.string(task, VAR_ANSWER_KIND),
                        ProcessVariables.string(task, VAR_ANSWER_TEXT), ProcessVariables.string(task, VAR_PHOTO_URL),
                        ProcessVariables.string(task, VAR_VIDEO_URL), actor);
                task.getExecution().getProcessInstance().setVariable(VAR_JOINT_COMPOSER, actor);
                task.getExecution().getProcessInstance().setVariable(VAR_APPROVAL_DECISION, null);
            }
            default -> {
                // other events carry no rule
            }
        }
    }
}
