package ru.otklik.content.plan;

import org.junit.jupiter.api.DisplayName;
import ru.otklik.support.OtklikPostgresTest;

/** {@link ContentPlanTests} on PostgreSQL. */
@OtklikPostgresTest
@DisplayName("Content plan and ContentPlanItem (PostgreSQL)")
class ContentPlanPostgresTests extends ContentPlanTests {
}
