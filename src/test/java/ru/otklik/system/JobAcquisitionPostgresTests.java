package ru.otklik.system;

import org.junit.jupiter.api.DisplayName;
import ru.otklik.support.OtklikPostgresTest;

/** {@link JobAcquisitionTests} on PostgreSQL. */
@OtklikPostgresTest
@DisplayName("Acquisition of due jobs (PostgreSQL)")
class JobAcquisitionPostgresTests extends JobAcquisitionTests {
}
