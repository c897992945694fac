package ru.otklik.message;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import ru.otklik.content.style.StyleChecker;
import ru.otklik.content.style.StyleFormText;
import ru.otklik.content.style.StyleReport;

import static ru.otklik.message.MessageResponseProcess.*;

/**
 * {@code Task_ApproveAnswer} (MSG-14): on create, puts the style check of the draft (ACC-11, MSG-22) into the
 * form's read-only fields {@code styleSummary} and {@code styleWarnings} (warnings only: the approver decides);
 * on complete, records the approval or the return with remarks.
 */
@Component("approvalListener")
class ApprovalListener implements TaskListener {

    private final MessageSteps steps;
    private final StyleChecker styleChecker;

    ApprovalListener(MessageSteps steps, StyleChecker styleChecker) {
        this.steps = steps;
        this.styleChecker = styleChecker;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            StyleReport report = styleChecker.check(ProcessVariables.string(task, VAR_ANSWER_TEXT));
            task.setVariableLocal(StyleFormText.VAR_STYLE_SUMMARY, report.summary());
            task.setVariableLocal(StyleFormText.VAR_STYLE_WARNINGS, StyleFormText.warnings(report));
            return;
        }
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
