package ru.otklik.notification;

/** How far the e-mail of a stored notification got (column {@code notification.mail_status}). */
public enum MailStatus {
    /** Mail is off ({@code spring.mail.host} is empty): the notification is only logged and stored. */
    NOT_SENT,
    /** To be sent once the transaction that stored it commits. */
    PENDING,
    SENT,
    /** Sending failed; retried while {@code mail_next_attempt_at} is set, given up when it is empty. */
    FAILED,
    /** None of the recipients has an e-mail address. */
    NO_ADDRESS
}
