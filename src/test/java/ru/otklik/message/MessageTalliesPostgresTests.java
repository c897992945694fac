package ru.otklik.message;

import org.junit.jupiter.api.DisplayName;
import ru.otklik.support.OtklikPostgresTest;

/** {@link MessageTalliesTests} on PostgreSQL. */
@OtklikPostgresTest
@DisplayName("MessageRegistry: tallies of the journal and the breaches (PostgreSQL)")
class MessageTalliesPostgresTests extends MessageTalliesTests {
}
