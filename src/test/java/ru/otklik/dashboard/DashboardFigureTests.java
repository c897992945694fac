package ru.otklik.dashboard;

import org.junit.jupiter.api.DisplayName;
import ru.otklik.support.OtklikSpringTest;

/** The dashboard's figures on H2. */
@OtklikSpringTest
@DisplayName("Dashboard figures (H2)")
class DashboardFigureTests extends DashboardFigures {
}
