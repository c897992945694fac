package ru.otklik.security;

import org.junit.jupiter.api.DisplayName;
import ru.otklik.support.OtklikPostgresTest;

/** {@link TenantIsolationTests} on PostgreSQL. */
@OtklikPostgresTest
@DisplayName("Tenant isolation (PostgreSQL)")
class TenantIsolationPostgresTests extends TenantIsolationTests {
}
