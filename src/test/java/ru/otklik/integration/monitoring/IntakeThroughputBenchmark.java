package ru.otklik.integration.monitoring;

import ru.otklik.support.OtklikSpringTest;

/** {@link IntakeThroughput} on H2: {@code mvn test -Dtest=IntakeThroughputBenchmark}. */
@OtklikSpringTest
class IntakeThroughputBenchmark extends IntakeThroughput {

    @Override
    String database() {
        return "H2";
    }
}
