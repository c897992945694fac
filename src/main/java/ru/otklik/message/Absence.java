package ru.otklik.message;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A row of the absence register (MSG-3, MSG-8): {@code userId} is away from {@code from} to {@code to}, both
 * dates inclusive, in the organization's zone.
 */
public record Absence(long id, String organization, String userId, LocalDate from, LocalDate to, AbsenceReason reason,
                      String createdBy, Instant createdAt) {
}
