package ru.otklik.content.publication;

import org.junit.jupiter.api.DisplayName;
import ru.otklik.support.OtklikPostgresTest;

/** {@link PublicationLogTests} on PostgreSQL. */
@OtklikPostgresTest
@DisplayName("Publication log (PostgreSQL)")
class PublicationLogPostgresTests extends PublicationLogTests {
}
