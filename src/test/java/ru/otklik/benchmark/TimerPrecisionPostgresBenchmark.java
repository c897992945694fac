package ru.otklik.benchmark;

import ru.otklik.support.OtklikPostgresTest;

/** {@link TimerPrecision} on embedded PostgreSQL. */
@OtklikPostgresTest
class TimerPrecisionPostgresBenchmark extends TimerPrecision {

    @Override
    String database() {
        return "postgresql";
    }
}
