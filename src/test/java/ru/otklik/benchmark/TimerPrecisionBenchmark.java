package ru.otklik.benchmark;

import ru.otklik.support.OtklikSpringTest;

/** {@link TimerPrecision} on H2 (in memory). */
@OtklikSpringTest
class TimerPrecisionBenchmark extends TimerPrecision {

    @Override
    String database() {
        return "h2";
    }
}
