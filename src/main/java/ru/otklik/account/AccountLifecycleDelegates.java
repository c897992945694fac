package ru.otklik.account;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The delegates and task listeners of {@code bpmn/AccountLifecycle.bpmn}, each referenced as
 * {@code ${beanName}}. Thin: the rules are in {@link AccountLifecycle}.
 */
final class AccountLifecycleDelegates {

    private AccountLifecycleDelegates() {
    }

    /** Task_RegisterRequest (ACC-1, ACC-2). */
    @Component("accountRequestDelegate")
    static class RegisterRequest implements JavaDelegate {
        private final AccountLifecycle lifecycle;

        RegisterRequest(AccountLifecycle lifecycle) {
            this.lifecycle = lifecycle;
        }

        @Override
        public void execute(DelegateExecution execution) {
            lifecycle.registerRequest(execution);
        }
    }

    /** Task_ReviewRequest, on complete (ACC-2). */
    @Component("accountDecisionListener")
    static class Decision implements TaskListener {
        private final AccountLifecycle lifecycle;

        Decision(AccountLifecycle lifecycle) {
            this.lifecycle = lifecycle;
        }

        @Override
        public void notify(DelegateTask task) {
            lifecycle.decide(task);
        }
    }

    /** Task_RejectRequest (ACC-2). */
    @Component("accountRejectDelegate")
    static class Reject implements JavaDelegate {
        private final AccountLifecycle lifecycle;

        Reject(AccountLifecycle lifecycle) {
            this.lifecycle = lifecycle;
        }

        @Override
        public void execute(DelegateExecution execution) {
            lifecycle.reject(execution);
        }
    }

    /** Task_ActivateAccount (ACC-2, ACC-3, ACC-9, ACC-16). */
    @Component("accountActivateDelegate")
    static class Activate implements JavaDelegate {
        private final AccountLifecycle lifecycle;

        Activate(AccountLifecycle lifecycle) {
            this.lifecycle = lifecycle;
        }

        @Override
        public void execute(DelegateExecution execution) {
            lifecycle.activate(execution);
        }
    }

    /** Task_RegisterDeletion (ACC-4). */
    @Component("accountDeletionDelegate")
    static class Deletion implements JavaDelegate {
        private final AccountLifecycle lifecycle;

        Deletion(AccountLifecycle lifecycle) {
            this.lifecycle = lifecycle;
        }

        @Override
        public void execute(DelegateExecution execution) {
            lifecycle.registerDeletion(execution);
        }
    }

    /** Task_RegisterChange (ACC-14). */
    @Component("accountChangeDelegate")
    static class Change implements JavaDelegate {
        private final AccountLifecycle lifecycle;

        Change(AccountLifecycle lifecycle) {
            this.lifecycle = lifecycle;
        }

        @Override
        public void execute(DelegateExecution execution) {
            lifecycle.registerChange(execution);
        }
    }

    /** Task_ReportAccount, on complete (ACC-4). */
    @Component("accountReportListener")
    static class Reported implements TaskListener {
        private final AccountLifecycle lifecycle;

        Reported(AccountLifecycle lifecycle) {
            this.lifecycle = lifecycle;
        }

        @Override
        public void notify(DelegateTask task) {
            lifecycle.reported(task);
        }
    }

    /** Task_EscalateReport, after BoundaryEvent_ReportOverdue (ACC-4). */
    @Component("accountReportOverdueDelegate")
    static class ReportOverdue implements JavaDelegate {
        private final AccountLifecycle lifecycle;

        ReportOverdue(AccountLifecycle lifecycle) {
            this.lifecycle = lifecycle;
        }

        @Override
        public void execute(DelegateExecution execution) {
            lifecycle.reportOverdue(execution);
        }
    }

    /** Task_ForwardReport (ACC-13, ACC-14). */
    @Component("accountForwardReportDelegate")
    static class Forward implements JavaDelegate {
        private final AccountLifecycle lifecycle;

        Forward(AccountLifecycle lifecycle) {
            this.lifecycle = lifecycle;
        }

        @Override
        public void execute(DelegateExecution execution) {
            lifecycle.forward(execution);
        }
    }

    /** Task_ReceiveReport, the recipient's side (ACC-13). */
    @Component("accountReceiveReportDelegate")
    static class Receive implements JavaDelegate {
        private final AccountLifecycle lifecycle;

        Receive(AccountLifecycle lifecycle) {
            this.lifecycle = lifecycle;
        }

        @Override
        public void execute(DelegateExecution execution) {
            lifecycle.receive(execution);
        }
    }

    /** Task_EnterConsolidatedRegistry, on complete (ACC-13). */
    @Component("accountConsolidationListener")
    static class Consolidated implements TaskListener {
        private final AccountLifecycle lifecycle;

        Consolidated(AccountLifecycle lifecycle) {
            this.lifecycle = lifecycle;
        }

        @Override
        public void notify(DelegateTask task) {
            lifecycle.consolidated(task);
        }
    }

    /** The end of every case (execution listener of the process, ACC-2). */
    @Component("accountCaseEndedListener")
    static class CaseEnded implements org.camunda.bpm.engine.delegate.ExecutionListener {
        private final AccountLifecycle lifecycle;

        CaseEnded(AccountLifecycle lifecycle) {
            this.lifecycle = lifecycle;
        }

        @Override
        public void notify(DelegateExecution execution) {
            lifecycle.caseEnded(execution);
        }
    }
}
