package ru.otklik.message;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static ru.otklik.message.MessageResponseProcess.*;

/** {@code Task_DraftAnswer} and {@code Task_ReworkAnswer} (MSG-13, MSG-15, MSG-22): records the submitted draft. */
@Component("draftListener")
class DraftListener implements TaskListener {

    private final MessageSteps steps;

    DraftListener(MessageSteps steps) {
        this.steps = steps;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        if (Boolean.TRUE.equals(task.getVariable(VAR_IS_REPEAT))) {
            steps.requireMeasures(ProcessVariables.messageId(task), ProcessVariables.string(task, VAR_MEASURES_TAKEN), true);
        }
        steps.submitDraft(ProcessVariables.messageId(task), ProcessVariables.string(task, VAR_ANSWER_KIND),
                ProcessVariables.string(task, VAR_ANSWER_TEXT), ProcessVariables.string(task, VAR_PHOTO_URL),
                ProcessVariables.string(task, VAR_VIDEO_URL), ProcessVariables.actor(task),
                TASK_REWORK.equals(task.getTaskDefinitionKey()));
        // a new draft awaits a fresh decision: the approval form must not offer the previous one
        task.getExecution().getProcessInstance().setVariable(VAR_APPROVAL_DECISION, null);
    }
}
