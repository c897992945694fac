package ru.otklik.benchmark;

import org.springframework.context.annotation.Import;
import ru.otklik.support.OtklikPostgresTest;

/** {@link LifecycleThroughput} on embedded PostgreSQL. */
@OtklikPostgresTest
@Import(StatementCounting.class)
class LifecycleThroughputPostgresBenchmark extends LifecycleThroughput {

    @Override
    String database() {
        return "postgresql";
    }
}
