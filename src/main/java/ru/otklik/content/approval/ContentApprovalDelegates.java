package ru.otklik.content.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The delegates and task listeners of {@code bpmn/ContentApproval.bpmn}, each referenced as {@code ${beanName}}.
 * Thin: the rules are in {@link ContentApprovals}.
 */
final class ContentApprovalDelegates {

    private ContentApprovalDelegates() {
    }

    /** Task_RegisterSubmission (ACC-15). */
    @Component("contentSubmissionDelegate")
    static class Register implements JavaDelegate {
        private final ContentApprovals approvals;

        Register(ContentApprovals approvals) {
            this.approvals = approvals;
        }

        @Override
        public void execute(DelegateExecution execution) {
            approvals.register(execution);
        }
    }

    /** Task_ReviewContent and Task_SupplyInformation, on create (ACC-15, ACC-11). */
    @Component("contentTaskOpenedListener")
    static class Opened implements TaskListener {
        private final ContentApprovals approvals;

        Opened(ContentApprovals approvals) {
            this.approvals = approvals;
        }

        @Override
        public void notify(DelegateTask task) {
            approvals.opened(task);
        }
    }

    /** Task_ReviewContent, on complete (ACC-15: remarks only from the head). */
    @Component("contentDecisionListener")
    static class Decision implements TaskListener {
        private final ContentApprovals approvals;

        Decision(ContentApprovals approvals) {
            this.approvals = approvals;
        }

        @Override
        public void notify(DelegateTask task) {
            approvals.decided(task);
        }
    }

    /** Task_EnterRevisedContent, on complete (ACC-15: the next round). */
    @Component("contentRevisionListener")
    static class Revision implements TaskListener {
        private final ContentApprovals approvals;

        Revision(ContentApprovals approvals) {
            this.approvals = approvals;
        }

        @Override
        public void notify(DelegateTask task) {
            approvals.revised(task);
        }
    }

    /** Task_SupplyInformation, on complete (ACC-15). */
    @Component("contentInformationListener")
    static class Supplied implements TaskListener {
        private final ContentApprovals approvals;

        Supplied(ContentApprovals approvals) {
            this.approvals = approvals;
        }

        @Override
        public void notify(DelegateTask task) {
            approvals.supplied(task);
        }
    }

    /** Task_RecordReviewViolation (ACC-15). */
    @Component("contentReviewOverdueDelegate")
    static class ReviewOverdue implements JavaDelegate {
        private final ContentApprovals approvals;

        ReviewOverdue(ContentApprovals approvals) {
            this.approvals = approvals;
        }

        @Override
        public void execute(DelegateExecution execution) {
            approvals.overdue(execution, ContentApprovalProcess.TASK_REVIEW);
        }
    }

    /** Task_RecordInformationViolation (ACC-15). */
    @Component("contentInformationOverdueDelegate")
    static class InformationOverdue implements JavaDelegate {
        private final ContentApprovals approvals;

        InformationOverdue(ContentApprovals approvals) {
            this.approvals = approvals;
        }

        @Override
        public void execute(DelegateExecution execution) {
            approvals.overdue(execution, ContentApprovalProcess.TASK_SUPPLY);
        }
    }
}
