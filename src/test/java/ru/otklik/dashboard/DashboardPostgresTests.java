package ru.otklik.dashboard;

import org.junit.jupiter.api.DisplayName;
import ru.otklik.support.OtklikPostgresTest;

/** The dashboard's figures on PostgreSQL: the same SQL as on H2. */
@OtklikPostgresTest
@DisplayName("Dashboard figures (PostgreSQL)")
class DashboardPostgresTests extends DashboardFigures {
}
