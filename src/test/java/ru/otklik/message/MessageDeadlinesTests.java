package ru.otklik.message;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import ru.otklik.calendar.ProductionCalendar;
import ru.otklik.calendar.WorkSchedule;
import ru.otklik.calendar.WorkingTime;
import ru.otklik.organization.OrganizationPolicies;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The deadline rules of {@link MessageDeadlines} without the engine. Expected instants worked out by hand. */
class MessageDeadlinesTests {

    static final ZoneId NSK = ZoneId.of("Asia/Novokuznetsk");
    static final OrganizationPolicies POLICIES = new OrganizationPolicies();
    static final WorkingTime WORKING_TIME = new WorkingTime(org -> Optional.of(WorkSchedule.standard()),
            ProductionCalendar.builtIn());

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(NSK).toInstant();
    }

    static MessageDeadlines deadlines(double share) {
        return new MessageDeadlines(WORKING_TIME, POLICIES, new MessagesProperties(share, java.time.Duration.ofDays(30)));
    }

    @Test
    @DisplayName("MSG-24: the warning falls at the configured share of the working time, across lunch and the weekend")
    void warningShare() {
        // 8 working hours from Friday 17:50 to Monday 17:50
        Instant start = at("2026-11-27T17:50");
        Instant due = at("2026-11-30T17:50");
        // 75 %: 6 h = 10 min on Friday + 5 h 50 on Monday (4 h before lunch, 1 h 50 after)
        assertThat(deadlines(0.75).warningAt("zags", start, due)).isEqualTo(at("2026-11-30T15:50"));
        // 50 %: 4 h = 10 min + 3 h 50 → 12:50
        assertThat(deadlines(0.5).warningAt("zags", start, due)).isEqualTo(at("2026-11-30T12:50"));
        // a due date that has passed already: warn at once, at the due date
        assertThat(deadlines(0.75).warningAt("zags", due, start)).isEqualTo(start);
    }

    @Test
    @DisplayName("MSG-8, MSG-11, MSG-12: the answer deadline in force; a shortened one must be earlier and not past")
    void answerDue() {
        MessageDeadlines d = deadlines(0.75);
        Instant regular = at("2026-11-24T18:00");
        Instant elevated = at("2026-11-24T13:00");
        Instant now = at("2026-11-24T09:10");
        assertThat(d.answerDue("zags", Importance.REGULAR, regular, elevated, null, now)).isEqualTo(regular);
        assertThat(d.answerDue("zags", Importance.ELEVATED, regular, elevated, null, now)).isEqualTo(elevated);
        assertThat(d.answerDue("zags", Importance.ELEVATED, regular, elevated, at("2026-11-24T12:00"), now))
                .isEqualTo(at("2026-11-24T12:00"));
        assertThatThrownBy(() -> d.answerDue("zags", Importance.ELEVATED, regular, elevated, at("2026-11-24T14:00"), now))
                .isInstanceOf(MessageValidationException.class)
                .hasMessageContaining("24.11.2026 13:00 (MSG-12)");
        assertThatThrownBy(() -> d.answerDue("zags", Importance.REGULAR, regular, elevated, at("2026-11-24T09:00"), now))
                .isInstanceOf(MessageValidationException.class).hasMessageContaining("уже наступил");
    }

    @Test
    @DisplayName("MSG-24: otklik.messages.warning-share must lie strictly between 0 and 1")
    void shareBounds() {
        assertThatThrownBy(() -> new MessagesProperties(0, java.time.Duration.ofDays(30))).hasMessageContaining("warning-share");
        assertThatThrownBy(() -> new MessagesProperties(1, java.time.Duration.ofDays(30))).hasMessageContaining("warning-share");
        assertThat(new MessagesProperties(0.9, java.time.Duration.ofDays(30)).warningShare()).isEqualTo(0.9);
    }
}
