package ru.otklik.content.weekly;

import org.junit.jupiter.api.DisplayName;
import ru.otklik.support.OtklikPostgresTest;

/** {@link WeeklyPublicationCheckTests} on PostgreSQL. */
@OtklikPostgresTest
@DisplayName("WeeklyPublicationCheck (PostgreSQL)")
class WeeklyPublicationCheckPostgresTests extends WeeklyPublicationCheckTests {
}
