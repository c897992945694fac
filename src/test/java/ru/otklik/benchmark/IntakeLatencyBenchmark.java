package ru.otklik.benchmark;

import ru.otklik.support.OtklikSpringTest;

/** {@link IntakeLatency} on H2 (in memory). */
@OtklikSpringTest
class IntakeLatencyBenchmark extends IntakeLatency {

    @Override
    String database() {
        return "h2";
    }
}
