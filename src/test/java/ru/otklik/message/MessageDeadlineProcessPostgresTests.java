package ru.otklik.message;

import org.junit.jupiter.api.DisplayName;
import ru.otklik.support.OtklikPostgresTest;

/** {@link MessageDeadlineProcessTests} on PostgreSQL. */
@OtklikPostgresTest
@DisplayName("MessageResponse: deadlines, warnings and escalation (PostgreSQL)")
class MessageDeadlineProcessPostgresTests extends MessageDeadlineProcessTests {
}
