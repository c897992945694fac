package ru.otklik.message;

import java.time.LocalDate;

/** The body of {@code POST /api/absences}: who is away, from when to when (inclusive) and why (MSG-3). */
public record AbsenceRequest(String org, String userId, LocalDate from, LocalDate to, String reason) {
}
