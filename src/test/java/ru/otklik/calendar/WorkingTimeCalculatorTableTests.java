package ru.otklik.calendar;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.otklik.calendar.WorkingTimeFixtures.local;

/**
 * Cases worked out by hand from the production calendar CSV and the standard schedule (Mon–Fri 09:00–13:00
 * and 14:00–18:00, a short day ends at 17:00). All times are local to Asia/Novokuznetsk (UTC+7). Each name
 * gives the reasoning.
 */
@DisplayName("Working time, cases worked out by hand from the calendar")
class WorkingTimeCalculatorTableTests {

    private final WorkingTimeCalculator calculator = WorkingTimeFixtures.standard();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            MSG-11: Wed 2026-12-30 17:30 gives 30 min (not short: 31 Dec is a transferred day off, not a holiday); 31 Dec transfer, 1–10 Jan off; Mon 11 Jan 4 h + 3 h 30 min | 2026-12-30T17:30 | PT8H    | 2027-01-11T17:30
            MSG-11: 8 h from Mon 09:00 ends Mon 18:00, not Tue 09:00                                   | 2027-03-01T09:00 | PT8H    | 2027-03-01T18:00
            4 h from Mon 09:00 ends at the start of lunch, 13:00                                        | 2027-03-01T09:00 | PT4H    | 2027-03-01T13:00
            Lunch is not working time: 30 min before lunch and 30 min after                            | 2027-03-01T12:30 | PT1H    | 2027-03-01T14:30
            MSG-8: detected during lunch, the 25 min count from 14:00                                  | 2027-03-01T13:20 | PT25M   | 2027-03-01T14:25
            MSG-8: detected at night, the 25 min count from 09:00                                      | 2027-03-01T03:00 | PT25M   | 2027-03-01T09:25
            MSG-8: detected in the evening, the 25 min count from 09:00 next day                       | 2027-03-01T20:00 | PT25M   | 2027-03-02T09:25
            Fri 2027-03-05 (not short: 8 Mar is a Monday) 10 min; weekend; Mon 8 Mar holiday; Tue 15 min | 2027-03-05T17:50 | PT25M | 2027-03-09T09:15
            Zero duration returns the start itself, even on a Saturday                                 | 2027-03-06T10:00 | PT0S    | 2027-03-06T10:00
            Tue 2025-12-30 1 h (not short); 31 Dec, 1–2 Jan, 5–8 Jan and the transferred 9 Jan 2026 off; Mon 12 Jan 1 h | 2025-12-30T17:00 | PT2H | 2026-01-12T10:00
            Fri 2027-02-19 1 h; working Sat 2027-02-20 is short (7 h, as Monday minus 1 h) and ends 17:00 | 2027-02-19T17:00 | PT8H  | 2027-02-20T17:00
            Working Sat 2027-02-20 30 min to 17:00; Sun, Mon 22 Feb (transfer) and Tue 23 Feb off; Wed 30 min | 2027-02-20T16:30 | PT1H | 2027-02-24T09:30
            Fri 2020-03-27 1 h; every weekday 30 Mar–8 May 2020 is a decree day or holiday, 11 May a transfer; Tue 12 May 1 h | 2020-03-27T17:00 | PT2H | 2020-05-12T10:00
            Wed 2020-06-24 is the Victory Parade decree day                                            | 2020-06-23T17:30 | PT1H    | 2020-06-25T09:30
            Wed 2020-07-01 is the constitutional vote decree day                                       | 2020-06-30T18:00 | PT4H    | 2020-07-02T13:00
            Fri 2021-10-29 1 h; 1–3 Nov 2021 decree days, 4 Nov holiday, 5 Nov transfer; Mon 8 Nov 2 h | 2021-10-29T17:00 | PT3H    | 2021-11-08T11:00
            Short Fri 2021-04-30 ends at 17:00                                                         | 2021-04-30T16:00 | PT1H    | 2021-04-30T17:00
            Short 2021-04-30 1 h; 3 May transfer, 4–7 May 2021 decree days, 10 May transfer; Tue 11 May 1 h | 2021-04-30T16:00 | PT2H | 2021-05-11T10:00
            Short Tue 2026-11-03 1 h before lunch + 3 h to 17:00; 4 Nov holiday; Thu 1 h              | 2026-11-03T12:00 | PT5H    | 2026-11-05T10:00
            2020-12-31 is federally a short day: 1 h from 16:00 ends 17:00                             | 2020-12-31T16:00 | PT1H    | 2020-12-31T17:00
            Short 2020-12-31 30 min; 1–10 Jan 2021 off; Mon 11 Jan 30 min                             | 2020-12-31T16:30 | PT1H    | 2021-01-11T09:30
            Fri 2024-04-26 1 h; Sat 2024-04-27 is a full working day                                   | 2024-04-26T17:00 | PT2H    | 2024-04-27T10:00
            Working Sat 2024-04-27 30 min; 29 Apr, 30 Apr (transfers) and 1 May off; Thu 2 May 30 min  | 2024-04-27T17:30 | PT1H    | 2024-05-02T09:30
            Working Sat 2022-03-05 is short (7 h); Mon 7 Mar transfer, Tue 8 Mar holiday; Wed 30 min   | 2022-03-04T18:00 | PT7H30M | 2022-03-09T09:30
            2028 is not in the data: art. 95 shortens Tue 22 Feb before Wed 23 Feb                     | 2028-02-22T16:30 | PT1H    | 2028-02-24T09:30
            2028 is not in the data: Sat 4 Nov carries over to Mon 6 Nov (art. 112), Fri 3 Nov is short | 2028-11-03T16:00 | PT2H   | 2028-11-07T10:00
            Thu 2027-12-30 30 min; 31 Dec transfer; 2028: 1–8 Jan holidays, Sun 9 Jan; Mon 10 Jan 30 min | 2027-12-30T17:30 | PT1H   | 2028-01-10T09:30
            2019 is not in the data: 31 Dec, the eve of 1 Jan, is short (art. 95)                      | 2019-12-31T16:00 | PT1H    | 2019-12-31T17:00
            """)
    void after(String reasoning, String from, String duration, String expected) {
        assertThat(calculator.after(local(from), Duration.parse(duration))).isEqualTo(local(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Before across a weekend: Mon 09:00–10:00 is 1 h, then Fri 2027-02-26 17:00–18:00           | 2027-03-01T10:00 | PT2H    | 2027-02-26T17:00
            MSG-13: 2 h 30 min before a deadline of Mon 09:00 is Fri 15:30                             | 2027-03-01T09:00 | PT2H30M | 2027-02-26T15:30
            The latest start is after lunch: 1 h before 15:00 is 14:00, not 13:00                      | 2027-03-01T15:00 | PT1H    | 2027-03-01T14:00
            Before across lunch: 30 min after lunch and 30 min before it                              | 2027-03-01T14:30 | PT1H    | 2027-03-01T12:30
            MSG-18: 15 min before a deadline at 14:00 is 12:45                                         | 2027-03-01T14:00 | PT15M   | 2027-03-01T12:45
            Zero duration returns the start itself                                                     | 2027-03-01T09:00 | PT0S    | 2027-03-01T09:00
            From Tue 03:00 at night, 1 h back is Mon 17:00                                             | 2027-03-02T03:00 | PT1H    | 2027-03-01T17:00
            Mon 2027-01-11 1 h; 1–10 Jan and the transferred 31 Dec off; Wed 2026-12-30 from 18:00 back 1 h | 2027-01-11T10:00 | PT2H | 2026-12-30T17:00
            Wed 2027-02-24 30 min; 23 Feb, 22 Feb and Sunday off; short working Sat 20 Feb ends 17:00  | 2027-02-24T09:30 | PT1H    | 2027-02-20T16:30
            Back across the 2020 decree days to Fri 2020-03-27                                         | 2020-05-12T10:00 | PT2H    | 2020-03-27T17:00
            """)
    void before(String reasoning, String from, String duration, String expected) {
        assertThat(calculator.before(local(from), Duration.parse(duration))).isEqualTo(local(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            A week of March 2027 (Fri 5 Mar not short): 5 × 8 h                                         | 2027-03-01T00:00 | 2027-03-08T00:00 | PT40H
            Lunch is not counted: 12:00–15:00 is 2 h                                                   | 2027-03-01T12:00 | 2027-03-01T15:00 | PT2H
            End before start is zero                                                                   | 2027-03-01T18:00 | 2027-03-01T09:00 | PT0S
            Sat 2020-03-28 to Mon 2020-05-11: every weekday is a decree day or holiday                 | 2020-03-28T00:00 | 2020-05-12T00:00 | PT0S
            January 2026: 1–2 and 5–9 Jan off, then 15 working days of 8 h                             | 2026-01-01T00:00 | 2026-01-31T00:00 | PT120H
            Fri 19 Feb 2027 8 h, working Sat 20 Feb 7 h, 22–23 Feb off, Wed 24 Feb 8 h                  | 2027-02-19T00:00 | 2027-02-25T00:00 | PT23H
            Sat 2024-12-28 is a full working day; 30–31 Dec and 1–8 Jan 2025 off; Thu 9 Jan 8 h         | 2024-12-28T00:00 | 2025-01-10T00:00 | PT16H
            Working Sat 2024-11-02 is short: 7 h                                                      | 2024-11-02T00:00 | 2024-11-03T00:00 | PT7H
            Wed 2026-12-30 8 h; Thu 31 Dec is a day off by transfer                                    | 2026-12-30T00:00 | 2027-01-01T00:00 | PT8H
            """)
    void between(String reasoning, String from, String to, String expected) {
        assertThat(calculator.between(local(from), local(to))).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            MSG-17: 7 working days from Mon 2027-03-01: 2–5 Mar, (8 Mar holiday), 9–11 Mar; ends Thu 18:00 | 2027-03-01T10:00 | 7 | 2027-03-11T18:00
            ACC-4 minzdrav: 3 working days from Fri 2027-02-19: working Sat 20, (22–23 off), 24, 25 Feb     | 2027-02-19T12:00 | 3 | 2027-02-25T18:00
            One working day from 2026-04-29 is the short 30 Apr, ending 17:00                          | 2026-04-29T15:00 | 1 | 2026-04-30T17:00
            ACC-15: 3 working days from Wed 2026-12-30 evening: 31 Dec and 1–10 Jan off; 11, 12, 13 Jan | 2026-12-30T20:00 | 3 | 2027-01-13T18:00
            From Sat 2027-03-06 counting starts Sunday; Mon 8 Mar holiday; first working day Tue 9 Mar  | 2027-03-06T10:00 | 1 | 2027-03-09T18:00
            """)
    void workingDaysAfter(String reasoning, String from, int days, String expected) {
        assertThat(calculator.workingDaysAfter(local(from), days)).isEqualTo(local(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ACC-4: 10 days from Mon 2027-03-01 are 2–11 Mar; Thu 11 Mar works, the term ends at its 24:00 | 2027-03-01T10:00 | 10 | 2027-03-12T00:00
            ACC-4: 10 days from Fri 2027-02-26 end on Mon 8 Mar, a holiday; moved to Tue 9 Mar 24:00 (Civil Code art. 193) | 2027-02-26T10:00 | 10 | 2027-03-10T00:00
            ACC-4: 10 days from Fri 2026-12-25 end on Mon 4 Jan 2027, a holiday; moved to Mon 11 Jan 24:00 | 2026-12-25T12:00 | 10 | 2027-01-12T00:00
            One day from Thu 23:30 ends at 24:00 of Fri 2027-03-05                                     | 2027-03-04T23:30 | 1  | 2027-03-06T00:00
            Two days from Thu 2027-03-04 end on Sat 6 Mar; Sun and Mon 8 Mar are off too; Tue 9 Mar 24:00 | 2027-03-04T10:00 | 2 | 2027-03-10T00:00
            """)
    void calendarDaysAfter(String reasoning, String from, int days, String expected) {
        assertThat(calculator.calendarDaysAfter(local(from), days)).isEqualTo(local(expected));
    }
}
