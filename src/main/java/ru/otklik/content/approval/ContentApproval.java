package ru.otklik.content.approval;

import java.time.Instant;

/** A row of {@code content_approval} (ACC-15). */
public record ContentApproval(long id, String organization, ContentApprovalKind kind, String title, String content,
                              Instant submittedAt, String submittedBy, int round, Instant roundStartedAt,
                              Instant dueAt, String status, String remarks, String answer, String decidedBy,
                              Instant decidedAt, boolean late, String processInstanceId) {
}
