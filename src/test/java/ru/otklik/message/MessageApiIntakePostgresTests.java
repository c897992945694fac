package ru.otklik.message;

import org.junit.jupiter.api.DisplayName;
import ru.otklik.support.OtklikPostgresTest;

/** {@link MessageApiIntakeTests} on PostgreSQL. */
@OtklikPostgresTest
@DisplayName("Intake API (PostgreSQL)")
class MessageApiIntakePostgresTests extends MessageApiIntakeTests {
}
