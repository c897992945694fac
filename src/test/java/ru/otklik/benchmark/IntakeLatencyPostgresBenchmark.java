package ru.otklik.benchmark;

import ru.otklik.support.OtklikPostgresTest;

/** {@link IntakeLatency} on embedded PostgreSQL. */
@OtklikPostgresTest
class IntakeLatencyPostgresBenchmark extends IntakeLatency {

    @Override
    String database() {
        return "postgresql";
    }
}
