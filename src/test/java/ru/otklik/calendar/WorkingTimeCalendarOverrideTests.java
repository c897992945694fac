package ru.otklik.calendar;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The calendar replaced without a rebuild: {@code otklik.calendar.location} names a file with next year's data. */
@WebMvcTest(controllers = WorkingTimeController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({CalendarConfiguration.class, WorkingTimeCalendarOverrideTests.Beans.class})
class WorkingTimeCalendarOverrideTests {

    /** A hypothetical decree for 2028: 1 Jan (Sat) moved to Mon 10 Jan. */
    private static final String CALENDAR_2028 = """
            date,kind,note
            2028-01-03,holiday,New Year holidays
            2028-01-04,holiday,New Year holidays
            2028-01-05,holiday,New Year holidays
            2028-01-06,holiday,New Year holidays
            2028-01-07,holiday,Orthodox Christmas
            2028-01-10,holiday,transfer from 2028-01-01 (Sat New Year holidays); hypothetical decree
            """;

    @TestConfiguration(proxyBeanMethods = false)
    static class Beans {

        @Bean
        WorkingTime workingTime(ProductionCalendar calendar) {
            return new WorkingTime(WorkingTimeFixtures.schedules(), calendar);
        }
    }

    @DynamicPropertySource
    static void calendarLocation(DynamicPropertyRegistry registry) {
        try {
            Path dir = Files.createTempDirectory("calendar-override");
            Path file = Files.writeString(dir.resolve("ru-production-calendar-2028.csv"), CALENDAR_2028);
            file.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            registry.add("otklik.calendar.location", file::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    @DisplayName("The override makes 2028 confirmed and adds its transfer")
    void overriddenYear() throws Exception {
        mvc.perform(get("/api/working-time/calendar").param("org", "zags").param("year", "2028"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.confirmed").value(true))
                .andExpect(jsonPath("$.nonWorkingDays[*].date", hasItem("2028-01-10")));
    }

    @Test
    @DisplayName("MSG-11 over New Year 2028 follows the override: Thu 30 Dec 30 min, then 31 Dec … 10 Jan off, Tue 11 Jan 30 min")
    void arithmeticUsesOverride() throws Exception {
        mvc.perform(get("/api/working-time/after").param("org", "zags")
                        .param("from", "2027-12-30T17:30:00+07:00").param("duration", "PT1H"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.result").value("2028-01-11T09:30:00+07:00"));
    }

    @Test
    @DisplayName("Years not in the override stay built in")
    void otherYearsBuiltIn() throws Exception {
        mvc.perform(get("/api/working-time/calendar").param("org", "zags").param("year", "2027"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.confirmed").value(true))
                .andExpect(jsonPath("$.workingTime").value("PT1972H"));
    }
}
