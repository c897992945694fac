package ru.otklik.account;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The delegates and task listeners of {@code bpmn/AccountSecurityReview.bpmn}, each referenced as
 * {@code ${beanName}}. Thin: the rules are in {@link AccountSecurityReviews}.
 */
final class AccountSecurityReviewDelegates {

    private AccountSecurityReviewDelegates() {
    }

    /** Task_ScheduleReviews (ACC-3). */
    @Component("accountReviewScheduleDelegate")
    static class Schedule implements JavaDelegate {
        private final AccountSecurityReviews reviews;

        Schedule(AccountSecurityReviews reviews) {
            this.reviews = reviews;
        }

        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariable("reviewsStarted", reviews.scheduleAll());
        }
    }

    /** Task_OpenReview (ACC-3). */
    @Component("accountReviewOpenDelegate")
    static class Open implements JavaDelegate {
        private final AccountSecurityReviews reviews;

        Open(AccountSecurityReviews reviews) {
            this.reviews = reviews;
        }

        @Override
        public void execute(DelegateExecution execution) {
            reviews.open(execution);
        }
    }

    /** Task_ReviewSecurity, on create and complete (ACC-3). */
    @Component("accountReviewListener")
    static class Review implements TaskListener {
        private final AccountSecurityReviews reviews;

        Review(AccountSecurityReviews reviews) {
            this.reviews = reviews;
        }

        @Override
        public void notify(DelegateTask task) {
            if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
                reviews.taskCreated(task);
            } else if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
                reviews.complete(task);
            }
        }
    }

    /** Task_EscalateReview, after BoundaryEvent_ReviewOverdue (ACC-3). */
    @Component("accountReviewOverdueDelegate")
    static class Overdue implements JavaDelegate {
        private final AccountSecurityReviews reviews;

        Overdue(AccountSecurityReviews reviews) {
            this.reviews = reviews;
        }

        @Override
        public void execute(DelegateExecution execution) {
            reviews.overdue(execution);
        }
    }
}
