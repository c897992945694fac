package ru.otklik.message;

import org.junit.jupiter.api.DisplayName;
import ru.otklik.support.OtklikPostgresTest;

/** {@link MessageVariantProcessTests} on PostgreSQL. */
@OtklikPostgresTest
@DisplayName("MessageResponse: variants of the procedure (PostgreSQL)")
class MessageVariantProcessPostgresTests extends MessageVariantProcessTests {
}
