package ru.otklik.message;

import java.util.List;

/** A page of {@code GET /api/messages}: {@code page} counts from 0, {@code total} counts all matching entries. */
public record MessagePageView(List<MessageSummaryView> items, int page, int size, long total) {
}
