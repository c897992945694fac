package ru.otklik.integration.monitoring;

import org.junit.jupiter.api.DisplayName;
import ru.otklik.support.OtklikPostgresTest;

/** {@link MonitoringImportTests} on PostgreSQL. */
@OtklikPostgresTest
@DisplayName("CSV import of monitoring exports (PostgreSQL)")
class MonitoringImportPostgresTests extends MonitoringImportTests {
}
