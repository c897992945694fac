package ru.otklik.report;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.otklik.message.MessageRegistry;
import ru.otklik.support.OtklikPostgresTest;

import java.time.Instant;
import java.time.YearMonth;

/** The same fixture month on PostgreSQL: the SQL (PERCENTILE_CONT, conditional sums, the department join) is portable. */
@OtklikPostgresTest
class MonthlySummaryPostgresTests {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MessageRegistry registry;
    @Autowired
    SummaryQueries queries;

    @Test
    @DisplayName("MSG-25, MSG-27: minsoc March 2030 — the same figures as on H2 (PostgreSQL)")
    void fixtureMonth() {
        SummaryFixture.ensureBuilt(jdbc, registry);

        Summary s = queries.compile(SummaryFixture.ORG, Period.of(YearMonth.of(2030, 3)), Instant.now());

        SummaryFixture.assertMarch(s);
    }
}
