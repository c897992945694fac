package ru.otklik.message;

import org.junit.jupiter.api.DisplayName;
import ru.otklik.support.OtklikPostgresTest;

/** {@link MessageResponseProcessTests} on PostgreSQL. */
@OtklikPostgresTest
@DisplayName("MessageResponse: the path of a message (PostgreSQL)")
class MessageResponseProcessPostgresTests extends MessageResponseProcessTests {
}
