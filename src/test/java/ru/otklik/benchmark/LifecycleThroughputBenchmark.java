package ru.otklik.benchmark;

import org.springframework.context.annotation.Import;
import ru.otklik.support.OtklikSpringTest;

/** {@link LifecycleThroughput} on H2 (in memory). */
@OtklikSpringTest
@Import(StatementCounting.class)
class LifecycleThroughputBenchmark extends LifecycleThroughput {

    @Override
    String database() {
        return "h2";
    }
}
