package ru.otklik.calendar;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import ru.otklik.organization.UnknownOrganizationException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static ru.otklik.calendar.WorkingTimeFixtures.local;

class WorkingTimeTests {

    private final WorkingTime workingTime = new WorkingTime(WorkingTimeFixtures.schedules(), WorkingTimeFixtures.calendar());

    private static Date date(String local) {
        return Date.from(local(local));
    }

    @Test
    @DisplayName("MSG-8: the organization is the execution's tenant; 25 min from a lunch-time detection end 14:25")
    void executionTenant() {
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getTenantId()).thenReturn("zags");
        assertThat(workingTime.after(execution, date("2027-03-01T13:20"), "PT25M")).isEqualTo(date("2027-03-01T14:25"));
    }

    @Test
    @DisplayName("A task's tenant works as well (due dates of user tasks)")
    void taskTenant() {
        DelegateTask task = mock(DelegateTask.class);
        when(task.getTenantId()).thenReturn("minzdrav");
        assertThat(workingTime.workingDaysAfter(task, date("2027-02-19T12:00"), 3)).isEqualTo(date("2027-02-25T18:00"));
    }

    @Test
    @DisplayName("An execution without a tenant is rejected: the organization cannot be told")
    void noTenant() {
        DelegateExecution execution = mock(DelegateExecution.class);
        assertThatThrownBy(() -> workingTime.after(execution, date("2027-03-01T09:00"), "PT1H"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenant");
    }

    @Test
    @DisplayName("Unknown organization → UnknownOrganizationException")
    void unknownOrganization() {
        assertThatThrownBy(() -> workingTime.after("atlantis", date("2027-03-01T09:00"), "PT1H"))
                .isInstanceOf(UnknownOrganizationException.class)
                .extracting(e -> ((UnknownOrganizationException) e).organizationId()).isEqualTo("atlantis");
        assertThatThrownBy(() -> workingTime.forOrganization(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("Instants as Date, Instant, OffsetDateTime, ZonedDateTime, LocalDateTime (organization's zone) and ISO strings")
    void instantTypes() {
        Date expected = date("2027-03-01T18:00");
        Instant monday = local("2027-03-01T09:00");
        assertThat(workingTime.after("zags", Date.from(monday), "PT8H")).isEqualTo(expected);
        assertThat(workingTime.after("zags", monday, "PT8H")).isEqualTo(expected);
        assertThat(workingTime.after("zags", OffsetDateTime.parse("2027-03-01T05:00:00+03:00"), "PT8H")).isEqualTo(expected);
        assertThat(workingTime.after("zags", ZonedDateTime.parse("2027-03-01T09:00:00+07:00[Asia/Novokuznetsk]"), "PT8H"))
                .isEqualTo(expected);
        assertThat(workingTime.after("zags", LocalDateTime.parse("2027-03-01T09:00"), "PT8H")).isEqualTo(expected);
        assertThat(workingTime.after("zags", "2027-03-01T09:00:00+07:00", "PT8H")).isEqualTo(expected);
        assertThat(workingTime.after("zags", "2027-03-01T02:00:00Z", Duration.ofHours(8))).isEqualTo(expected);
        assertThat(workingTime.after("zags", "2027-03-01T09:00", "PT8H")).isEqualTo(expected);
        assertThat(workingTime.after("zags", LocalDate.parse("2027-03-01"), "PT8H")).isEqualTo(expected);
    }

    @Test
    @DisplayName("Second precision: fractions of a second are dropped from instants and durations")
    void secondPrecision() {
        Instant withMillis = local("2027-03-01T10:00").plusMillis(750);
        assertThat(workingTime.after("zags", withMillis, "PT0.9S")).isEqualTo(date("2027-03-01T10:00"));
    }

    @Test
    @DisplayName("MSG-13: before, between and min of two limits")
    void beforeBetweenMin() {
        Date deadline = workingTime.after("zags", date("2027-03-01T10:00"), "PT8H");
        assertThat(deadline).isEqualTo(date("2027-03-02T10:00"));
        Date submitBy = workingTime.before("zags", deadline, "PT2H30M");
        assertThat(submitBy).isEqualTo(date("2027-03-01T16:30"));
        Date draftBy = workingTime.after("zags", date("2027-03-01T10:00"), "PT5H");
        assertThat(draftBy).isEqualTo(date("2027-03-01T16:00"));
        assertThat(workingTime.min(draftBy, submitBy)).isEqualTo(draftBy);
        assertThat(workingTime.min("2027-03-01T16:30:00+07:00", draftBy.toInstant())).isEqualTo(draftBy);
        assertThat(workingTime.between("zags", date("2027-03-01T10:00"), deadline)).isEqualTo("PT8H");
        assertThat(workingTime.between("zags", deadline, date("2027-03-01T10:00"))).isEqualTo("PT0S");
    }

    @Test
    @DisplayName("ACC-4: ten calendar days from the expression facade")
    void calendarDays() {
        assertThat(workingTime.calendarDaysAfter("zags", "2027-02-26T10:00:00+07:00", 10)).isEqualTo(date("2027-03-10T00:00"));
    }

    @Test
    @DisplayName("Negative, over-long and malformed amounts are rejected")
    void badAmounts() {
        assertThatThrownBy(() -> workingTime.after("zags", date("2027-03-01T09:00"), "-PT1H"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> workingTime.after("zags", date("2027-03-01T09:00"), "P367D"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("366");
        assertThatThrownBy(() -> workingTime.after("zags", date("2027-03-01T09:00"), "eight hours"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> workingTime.workingDaysAfter("zags", date("2027-03-01T09:00"), 367))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> workingTime.calendarDaysAfter("zags", date("2027-03-01T09:00"), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> workingTime.after("zags", "yesterday", "PT1H"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("yesterday");
        assertThatThrownBy(() -> workingTime.after("zags", null, "PT1H")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("Organizations with the same schedule share one calculator")
    void sharedCalculator() {
        assertThat(workingTime.forOrganization("zags")).isSameAs(workingTime.forOrganization("nkr"));
    }
}
