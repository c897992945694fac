package ru.otklik.calendar;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.net.URI;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = WorkingTimeController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(WorkingTimeControllerTests.Beans.class)
class WorkingTimeControllerTests {

    @TestConfiguration(proxyBeanMethods = false)
    static class Beans {

        @Bean
        WorkingTime workingTime() {
            return new WorkingTime(WorkingTimeFixtures.schedules(), WorkingTimeFixtures.calendar());
        }
    }

    @Autowired
    MockMvc mvc;

    private static MockHttpServletRequestBuilder request(String path, String... params) {
        MockHttpServletRequestBuilder request = get("/api/working-time/" + path);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return request;
    }

    @Test
    @DisplayName("MSG-11: GET after, the example of the issue: 8 working hours from 30 Dec 2026 17:30 is 11 Jan 17:30")
    void after() throws Exception {
        mvc.perform(get(URI.create("/api/working-time/after?org=zags&from=2026-12-30T17:30:00%2B07:00&duration=PT8H")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.org").value("zags"))
                .andExpect(jsonPath("$.from").value("2026-12-30T17:30:00+07:00"))
                .andExpect(jsonPath("$.duration").value("PT8H"))
                .andExpect(jsonPath("$.result").value("2027-01-11T17:30:00+07:00"));
    }

    @Test
    @DisplayName("Instants in another offset are answered in the organization's zone; an unencoded '+' (a space) is accepted")
    void zoneOfOrganization() throws Exception {
        mvc.perform(request("after", "org", "zags", "from", "2027-03-01T02:00:00Z", "duration", "PT25M"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("2027-03-01T09:00:00+07:00"))
                .andExpect(jsonPath("$.result").value("2027-03-01T09:25:00+07:00"));
        mvc.perform(request("after", "org", "zags", "from", "2027-03-01T09:00:00 07:00", "duration", "PT25M"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.result").value("2027-03-01T09:25:00+07:00"));
    }

    @Test
    @DisplayName("MSG-13: GET before: 2 h 30 min before Monday 09:00 is Friday 15:30")
    void before() throws Exception {
        mvc.perform(request("before", "org", "minsoc", "from", "2027-03-01T09:00:00+07:00", "duration", "PT2H30M"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.org").value("minsoc"))
                .andExpect(jsonPath("$.duration").value("PT2H30M"))
                .andExpect(jsonPath("$.result").value("2027-02-26T15:30:00+07:00"));
    }

    @Test
    @DisplayName("GET between: 19–24 Feb 2027 with the short working Saturday is 23 h")
    void between() throws Exception {
        mvc.perform(request("between", "org", "nkr", "from", "2027-02-19T00:00:00+07:00", "to", "2027-02-25T00:00:00+07:00"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.org").value("nkr"))
                .andExpect(jsonPath("$.from").value("2027-02-19T00:00:00+07:00"))
                .andExpect(jsonPath("$.to").value("2027-02-25T00:00:00+07:00"))
                .andExpect(jsonPath("$.duration").value("PT23H"));
    }

    @Test
    @DisplayName("MSG-17: GET working-days-after: 7 working days from Mon 1 Mar 2027 end Thu 11 Mar 18:00")
    void workingDaysAfter() throws Exception {
        mvc.perform(request("working-days-after", "org", "zags", "from", "2027-03-01T10:00:00+07:00", "days", "7"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.days").value(7))
                .andExpect(jsonPath("$.result").value("2027-03-11T18:00:00+07:00"));
    }

    @Test
    @DisplayName("ACC-4: GET calendar-days-after: 10 days from 26 Feb 2027 end on the 8 March holiday, so at 24:00 of 9 March")
    void calendarDaysAfter() throws Exception {
        mvc.perform(request("calendar-days-after", "org", "zags", "from", "2027-02-26T10:00:00+07:00", "days", "10"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.days").value(10))
                .andExpect(jsonPath("$.result").value("2027-03-10T00:00:00+07:00"));
    }

    @Test
    @DisplayName("GET calendar 2027: 15 weekday days off, working Sat 20 Feb as Monday and short, 4 short days, 247 days / 1972 h")
    void calendar2027() throws Exception {
        mvc.perform(request("calendar", "org", "zags", "year", "2027"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.year").value(2027))
                .andExpect(jsonPath("$.confirmed").value(true))
                .andExpect(jsonPath("$.zone").value("Asia/Novokuznetsk"))
                .andExpect(jsonPath("$.workingDays").value(247))
                .andExpect(jsonPath("$.workingTime").value("PT1972H"))
                .andExpect(jsonPath("$.nonWorkingDays", hasSize(15)))
                .andExpect(jsonPath("$.nonWorkingDays[?(@.date == '2027-12-31')].note", hasItem(containsString("No. 1187"))))
                .andExpect(jsonPath("$.nonWorkingDays[?(@.date == '2027-02-22')].kind", hasItem("holiday")))
                .andExpect(jsonPath("$.workingWeekends", hasSize(1)))
                .andExpect(jsonPath("$.workingWeekends[0].date").value("2027-02-20"))
                .andExpect(jsonPath("$.workingWeekends[0].worksAs").value("MONDAY"))
                .andExpect(jsonPath("$.workingWeekends[0].shortened").value(true))
                .andExpect(jsonPath("$.shortDays", hasSize(4)))
                .andExpect(jsonPath("$.shortDays[0].date").value("2027-02-20"))
                .andExpect(jsonPath("$.shortDays[0].workingTime").value("PT7H"))
                .andExpect(jsonPath("$.shortDays[0].note").value(containsString("pre-holiday")));
    }

    @Test
    @DisplayName("GET calendar 2020: 14 holidays and 29 decree non-working days on weekdays")
    void calendar2020() throws Exception {
        mvc.perform(request("calendar", "org", "zags", "year", "2020"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nonWorkingDays", hasSize(43)))
                .andExpect(jsonPath("$.nonWorkingDays[?(@.kind == 'nonworking-decree')]", hasSize(29)))
                .andExpect(jsonPath("$.workingDays").value(219));
    }

    @Test
    @DisplayName("GET calendar 2028: not confirmed; art. 112/95 alone give 11 weekday holidays, 4 short days, 249 days / 1988 h")
    void calendarUnconfirmed() throws Exception {
        mvc.perform(request("calendar", "org", "zags", "year", "2028"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.confirmed").value(false))
                .andExpect(jsonPath("$.nonWorkingDays", hasSize(11)))
                .andExpect(jsonPath("$.nonWorkingDays[?(@.date == '2028-11-06')].kind", hasItem("holiday")))
                .andExpect(jsonPath("$.shortDays", hasSize(4)))
                .andExpect(jsonPath("$.workingDays").value(249))
                .andExpect(jsonPath("$.workingTime").value("PT1988H"));
    }

    @Test
    @DisplayName("Unknown organization → 404 problem")
    void unknownOrganization() throws Exception {
        mvc.perform(request("after", "org", "atlantis", "from", "2027-03-01T09:00:00+07:00", "duration", "PT1H"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.parameter").value("org"))
                .andExpect(jsonPath("$.detail").value(containsString("atlantis")));
    }

    @ParameterizedTest(name = "400 naming ''{1}'': {0}")
    @CsvSource(delimiter = '|', textBlock = """
            org missing                        | org      | after               | from=2027-03-01T09:00:00+07:00&duration=PT1H
            from missing                       | from     | after               | org=zags&duration=PT1H
            from malformed                     | from     | after               | org=zags&from=yesterday&duration=PT1H
            from outside 2000–2099             | from     | before              | org=zags&from=1990-01-01T09:00:00+07:00&duration=PT1H
            duration missing                   | duration | after               | org=zags&from=2027-03-01T09:00:00+07:00
            duration malformed                 | duration | after               | org=zags&from=2027-03-01T09:00:00+07:00&duration=8h
            duration negative                  | duration | before              | org=zags&from=2027-03-01T09:00:00+07:00&duration=-PT1H
            duration above 366 days            | duration | after               | org=zags&from=2027-03-01T09:00:00+07:00&duration=P367D
            result beyond 2099                 | duration | after               | org=zags&from=2099-12-30T09:00:00+07:00&duration=P366D
            to missing                         | to       | between             | org=zags&from=2027-03-01T09:00:00+07:00
            to malformed                       | to       | between             | org=zags&from=2027-03-01T09:00:00+07:00&to=2027-02-30T09:00
            days missing                       | days     | working-days-after  | org=zags&from=2027-03-01T09:00:00+07:00
            days not a number                  | days     | working-days-after  | org=zags&from=2027-03-01T09:00:00+07:00&days=seven
            days negative                      | days     | calendar-days-after | org=zags&from=2027-03-01T09:00:00+07:00&days=-1
            days above 366                     | days     | calendar-days-after | org=zags&from=2027-03-01T09:00:00+07:00&days=367
            year not a number                  | year     | calendar            | org=zags&year=20x7
            year outside 2000–2099             | year     | calendar            | org=zags&year=1990
            """)
    void badParameter(String reasoning, String parameter, String path, String query) throws Exception {
        mvc.perform(get(URI.create("/api/working-time/" + path + "?" + query.replace("+", "%2B"))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.parameter").value(parameter))
                .andExpect(jsonPath("$.field").value(parameter))
                .andExpect(jsonPath("$.detail").value(containsString(parameter)));
    }
}
