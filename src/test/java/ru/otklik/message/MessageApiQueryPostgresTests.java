package ru.otklik.message;

import org.junit.jupiter.api.DisplayName;
import ru.otklik.support.OtklikPostgresTest;

/** {@link MessageApiQueryTests} on PostgreSQL. */
@OtklikPostgresTest
@DisplayName("Registry of messages API (PostgreSQL)")
class MessageApiQueryPostgresTests extends MessageApiQueryTests {
}
