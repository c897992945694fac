package ru.otklik.message;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import static ru.otklik.message.MessageResponseProcess.*;

/**
 * {@code Task_ClassifyMessage} (MSG-8): offers the organization's departments to the form; on completion
 * checks and records the coordinator's decision and sets the answer deadline in force and the list of
 * responsible departments (several make a joint answer, MSG-18).
 */
@Component("classificationListener")
class ClassificationListener implements TaskListener {

    static final String VAR_DEPARTMENT_OPTIONS = "departmentOptions";

    private final MessageSteps steps;
    private final DepartmentStaff staff;

    ClassificationListener(MessageSteps steps, DepartmentStaff staff) {
        this.steps = steps;
        this.staff = staff;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> task.setVariableLocal(VAR_DEPARTMENT_OPTIONS, Variables.objectValue(
                    new java.util.ArrayList<>(staff.departmentOptions(task.getTenantId()))).serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
            case EVENTNAME_COMPLETE -> {
                List<String> departments = steps.departments(task.getTenantId(),
                        ProcessVariables.string(task, VAR_DEPARTMENT), task.getVariable(VAR_JOINT_DEPARTMENTS));
                Instant answerDue = steps.classify(ProcessVariables.messageId(task), task.getTenantId(),
                        ProcessVariables.string(task, VAR_IMPORTANCE), departments,
                        task.getVariable(VAR_SHORTENED_DEADLINE),
                        ProcessVariables.instant(task, VAR_REGULAR_ANSWER_DUE),
                        ProcessVariables.instant(task, VAR_ELEVATED_ANSWER_DUE),
                        ProcessVariables.actor(task), ProcessVariables.now());
                task.getExecution().getProcessInstance().setVariable(VAR_ANSWER_DUE, Date.from(answerDue));
                task.getExecution().getProcessInstance().setVariable(VAR_DEPARTMENTS, ProcessVariables.list(departments));
            }
            default -> {
                // other events carry no rule
            }
        }
    }
}
