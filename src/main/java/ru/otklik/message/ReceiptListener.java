package ru.otklik.message;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;

import static ru.otklik.message.MessageResponseProcess.*;

/**
 * {@code Task_ReceiveMessage} (MSG-7, MSG-8): offers the department's executors to the form; the first
 * claim of the task is the receipt against signature, with its date and time (completion without a claim
 * counts as receipt then); on completion records the executor the head chose, or the return as not competent
 * (MSG-9).
 */
@Component("receiptListener")
class ReceiptListener implements TaskListener {

    static final String VAR_EXECUTOR_OPTIONS = MessageResponseProcess.VAR_EXECUTOR_OPTIONS;

    private final MessageSteps steps;
    private final DepartmentStaff staff;

    ReceiptListener(MessageSteps steps, DepartmentStaff staff) {
        this.steps = steps;
        this.staff = staff;
    }

    @Override
    public void notify(DelegateTask task) {
        String department = ProcessVariables.string(task, VAR_DEPARTMENT);
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> {
                task.setVariableLocal(VAR_EXECUTOR_OPTIONS, Variables.objectValue(
                        new java.util.ArrayList<>(staff.executorOptions(task.getTenantId(), department)))
                        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
            }
            case EVENTNAME_ASSIGNMENT -> {
                if (task.getAssignee() != null) {
                    receive(task, department, task.getAssignee());
                }
            }
            case EVENTNAME_COMPLETE -> {
                receive(task, department, ProcessVariables.actor(task));
                if (RECEIPT_RETURN.equals(ProcessVariables.string(task, VAR_RECEIPT_DECISION))) {
                    // MSG-9: back to the ОТО specialist, who re-routes it (Task_RerouteMessage, MSG-10)
                    steps.returnNotCompetent(ProcessVariables.messageId(task), task.getTenantId(), department,
                            ProcessVariables.string(task, VAR_RETURN_REASON),
                            ProcessVariables.instant(task, VAR_RECEIVED_AT),
                            ProcessVariables.string(task, VAR_RETURN_WINDOW), ProcessVariables.actor(task),
                            ProcessVariables.now());
                } else {
                    steps.assignExecutor(ProcessVariables.messageId(task), task.getTenantId(), department,
                            ProcessVariables.string(task, VAR_EXECUTOR), ProcessVariables.actor(task));
                }
            }
            default -> {
                // other events carry no rule
            }
        }
    }

    private void receive(DelegateTask task, String department, String actor) {
        if (task.getVariable(VAR_RECEIVED_AT) != null) {
            return;
        }
        Instant now = ProcessVariables.now();
        steps.received(ProcessVariables.messageId(task), department, actor, now);
        task.getExecution().getProcessInstance().setVariable(VAR_RECEIVED_AT, Date.from(now));
        task.getExecution().getProcessInstance().setVariable(VAR_RECEIVED_BY, actor);
    }
}
