package ru.otklik.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The application's {@link Notifier}: {@link TasklistNotifier} keeps the record (log, table, task comment)
 * inside the caller's transaction; when mail is on, the stored notification is mailed by {@link MailDelivery}
 * after that transaction commits. A mail failure never rolls back or fails the process step: it is recorded
 * on the row and retried.
 */
public class CompositeNotifier implements Notifier {

    private static final Logger log = LoggerFactory.getLogger(CompositeNotifier.class);

    private final TasklistNotifier record;
    private final MailDelivery mail;

    public CompositeNotifier(TasklistNotifier record, MailDelivery mail) {
        this.record = record;
        this.mail = mail;
    }

    @Override
    public void send(Notification notification) {
        long id = record.store(notification);
        if (!mail.enabled()) {
            return;
        }
        mail.markPending(id);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deliver(id);
                }
            });
        } else {
            deliver(id);
        }
    }

    private void deliver(long id) {
        try {
            mail.deliver(id);
        } catch (RuntimeException e) {
            // MailDelivery records failures itself; nothing may reach the caller.
            log.error("Notification {}: mail delivery failed", id, e);
        }
    }
}
