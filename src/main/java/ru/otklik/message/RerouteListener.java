package ru.otklik.message;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

import static ru.otklik.message.MessageResponseProcess.*;

/**
 * {@code Task_RerouteMessage} (MSG-10): offers the departments to the form; on completion records the new
 * responsible department(s) and clears the previous department's receipt, so that the next department receives
 * the message against its own signature (MSG-8).
 */
@Component("rerouteListener")
class RerouteListener implements TaskListener {

    private final MessageSteps steps;
    private final DepartmentStaff staff;

    RerouteListener(MessageSteps steps, DepartmentStaff staff) {
        this.steps = steps;
        this.staff = staff;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> task.setVariableLocal(ClassificationListener.VAR_DEPARTMENT_OPTIONS,
                    Variables.objectValue(new ArrayList<>(staff.departmentOptions(task.getTenantId())))
                            .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
            case EVENTNAME_COMPLETE -> {
                List<String> departments = steps.reroute(ProcessVariables.messageId(task), task.getTenantId(),
                        ProcessVariables.string(task, VAR_DEPARTMENT), task.getVariable(VAR_JOINT_DEPARTMENTS),
                        ProcessVariables.actor(task));
                DelegateExecution instance = task.getExecution().getProcessInstance();
                instance.setVariable(VAR_DEPARTMENT, departments.get(0));
                instance.setVariable(VAR_DEPARTMENTS, ProcessVariables.list(departments));
                for (String stale : List.of(VAR_RECEIVED_AT, VAR_RECEIVED_BY, VAR_RECEIPT_DECISION, VAR_EXECUTOR)) {
                    instance.removeVariable(stale);
                }
            }
            default -> {
                // other events carry no rule
            }
        }
    }
}
