package ru.otklik.integration.monitoring;

import ru.otklik.support.OtklikPostgresTest;

/** {@link IntakeThroughput} on PostgreSQL: {@code mvn test -Dtest=IntakeThroughputPostgresBenchmark}. */
@OtklikPostgresTest
class IntakeThroughputPostgresBenchmark extends IntakeThroughput {

    @Override
    String database() {
        return "PostgreSQL";
    }
}
