package ru.otklik.message;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The deadlines a message breached at least once, as the monthly summary counts them (MSG-24, MSG-27): the keys of
 * the breached steps, alphabetical and comma-separated, in {@code message.breached_deadlines}. An answer breach due
 * after the first intermediate answer is the final answer's, {@value #FINAL} (MSG-17).
 */
public final class BreachedDeadlines {

    /** The key of a breach of the final answer after an intermediate one (MSG-17). */
    public static final String FINAL = "final";

    private BreachedDeadlines() {
    }

    /** A breach recorded in {@code message_violation}. */
    record Breach(MessageStep step, Instant due) {
    }

    /** The list {@code list} with one breach more. */
    static String with(String list, MessageStep step, Instant due, Instant intermediateAt) {
        SortedSet<String> keys = keys(list);
        keys.add(key(step, due, intermediateAt));
        return String.join(",", keys);
    }

    /** The list of these breaches; {@code null} without any. */
    static String of(Collection<Breach> breaches, Instant intermediateAt) {
        SortedSet<String> keys = new TreeSet<>();
        breaches.forEach(b -> keys.add(key(b.step(), b.due(), intermediateAt)));
        return keys.isEmpty() ? null : String.join(",", keys);
    }

    /** The keys of a stored list. */
    public static SortedSet<String> keys(String list) {
        SortedSet<String> keys = new TreeSet<>();
        if (list != null && !list.isBlank()) {
            keys.addAll(Arrays.asList(list.split(",")));
        }
        return keys;
    }

    private static String key(MessageStep step, Instant due, Instant intermediateAt) {
        return step == MessageStep.ANSWER && intermediateAt != null && intermediateAt.isBefore(due) ? FINAL : step.key();
    }
}
