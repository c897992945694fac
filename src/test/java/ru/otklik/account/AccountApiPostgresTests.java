package ru.otklik.account;

import org.junit.jupiter.api.DisplayName;
import ru.otklik.support.OtklikPostgresTest;

/** {@link AccountApiTests} on PostgreSQL. */
@OtklikPostgresTest
@DisplayName("Accounts API (PostgreSQL)")
class AccountApiPostgresTests extends AccountApiTests {
}
