package ru.otklik.message;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ReassignAbsent} (MSG-3, MSG-8): every hour of a case, applies the absence register to its open tasks,
 * so that an absence entered in advance takes effect on the tasks open when it begins.
 */
@Component("absenceCheckDelegate")
class AbsenceCheckDelegate implements JavaDelegate {

    private final AbsenceRegister absences;

    AbsenceCheckDelegate(AbsenceRegister absences) {
        this.absences = absences;
    }

    @Override
    public void execute(DelegateExecution execution) {
        absences.reassignOpenTasks(execution.getTenantId(), execution.getProcessInstanceId(), ProcessVariables.now());
    }
}
