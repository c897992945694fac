package ru.otklik.account;

import org.junit.jupiter.api.DisplayName;
import ru.otklik.support.OtklikPostgresTest;

/** {@link PublicRegistryTests} on PostgreSQL. */
@OtklikPostgresTest
@DisplayName("Public registry of accounts (PostgreSQL)")
class PublicRegistryPostgresTests extends PublicRegistryTests {
}
