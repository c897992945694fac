package ru.otklik.message;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;

import static ru.otklik.message.MessageResponseProcess.*;

/**
 * The tasks of a department's part of a joint answer ({@code SubProcess_DepartmentPart}, MSG-18):
 * {@code Task_ReceivePart} — receipt against signature (MSG-8), the executor of the part (MSG-7) or the return as
 * not competent (MSG-9); {@code Task_PreparePart} — the part itself. What belongs to one department lives in the
 * variables of its instance of the multi-instance subprocess.
 */
@Component("partListener")
class PartListener implements TaskListener {

    private final MessageSteps steps;
    private final DepartmentStaff staff;

    PartListener(MessageSteps steps, DepartmentStaff staff) {
        this.steps = steps;
        this.staff = staff;
    }

    @Override
    public void notify(DelegateTask task) {
        String department = ProcessVariables.string(task, VAR_DEPARTMENT);
        long messageId = ProcessVariables.messageId(task);
        if (TASK_PREPARE_PART.equals(task.getTaskDefinitionKey())) {
            if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
                steps.partSubmitted(messageId, department, ProcessVariables.string(task, VAR_PART_TEXT),
                        ProcessVariables.string(task, VAR_PHOTO_URL), ProcessVariables.string(task, VAR_VIDEO_URL),
                        ProcessVariables.actor(task));
            }
            return;
        }
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> {
                task.setVariableLocal(VAR_EXECUTOR_OPTIONS, Variables.objectValue(
                        new ArrayList<>(staff.executorOptions(task.getTenantId(), department)))
                        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
            }
            case EVENTNAME_ASSIGNMENT -> {
                if (task.getAssignee() != null) {
                    receive(task, messageId, department, task.getAssignee());
                }
            }
            case EVENTNAME_COMPLETE -> {
                String actor = ProcessVariables.actor(task);
                receive(task, messageId, department, actor);
                DelegateExecution part = partScope(task);
                if (RECEIPT_RETURN.equals(ProcessVariables.string(task, VAR_RECEIPT_DECISION))) {
                    steps.returnNotCompetent(messageId, task.getTenantId(), department,
                            ProcessVariables.string(task, VAR_RETURN_REASON),
                            ProcessVariables.instant(part, VAR_PART_RECEIVED_AT),
                            ProcessVariables.string(task, VAR_RETURN_WINDOW), actor, ProcessVariables.now());
                } else {
                    String executor = ProcessVariables.string(task, VAR_EXECUTOR);
                    steps.assignExecutor(messageId, task.getTenantId(), department, executor, actor);
                    part.setVariableLocal(VAR_PART_EXECUTOR, executor);
                }
            }
            default -> {
                // other events carry no rule
            }
        }
    }

    private void receive(DelegateTask task, long messageId, String department, String actor) {
        DelegateExecution part = partScope(task);
        if (part.getVariableLocal(VAR_PART_RECEIVED_AT) != null) {
            return;
        }
        Instant now = ProcessVariables.now();
        steps.received(messageId, department, actor, now);
        part.setVariableLocal(VAR_PART_RECEIVED_AT, Date.from(now));
    }

    /** The instance of the multi-instance subprocess the task belongs to: it holds the element variable. */
    private static DelegateExecution partScope(DelegateTask task) {
        ExecutionEntity execution = (ExecutionEntity) task.getExecution();
        while (execution != null && !execution.hasVariableLocal(VAR_DEPARTMENT)) {
            execution = execution.getParent();
        }
        if (execution == null) {
            throw new IllegalStateException("Task " + task.getId() + " is not part of a department's part");
        }
        return execution;
    }
}
