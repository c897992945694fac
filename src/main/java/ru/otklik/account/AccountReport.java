package ru.otklik.account;

import java.time.Instant;
import java.time.LocalDate;

/** ACC-4, ACC-14: a report of a created, deleted or changed account to the recipient the act names. */
public record AccountReport(long id, long accountId, String organization, ReportKind kind, LocalDate eventOn,
                            Instant dueAt, String recipient, String recipientOrganization, Instant reportedAt,
                            String reportedBy, String reference, boolean late, Instant escalatedAt,
                            String processInstanceId, String recipientProcessInstanceId, Instant enteredAt,
                            String enteredBy) {

    /** What is reported. */
    public enum ReportKind {
        CREATED("создание аккаунта"), DELETED("удаление аккаунта"), CHANGED("изменение сведений об аккаунте");

        private final String title;

        ReportKind(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }
}
