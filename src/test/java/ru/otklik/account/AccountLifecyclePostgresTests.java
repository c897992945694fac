package ru.otklik.account;

import org.junit.jupiter.api.DisplayName;
import ru.otklik.support.OtklikPostgresTest;

/** {@link AccountLifecycleTests} on PostgreSQL. */
@OtklikPostgresTest
@DisplayName("AccountLifecycle (PostgreSQL)")
class AccountLifecyclePostgresTests extends AccountLifecycleTests {
}
