package ru.otklik.content.moderation;

import org.junit.jupiter.api.DisplayName;
import ru.otklik.support.OtklikPostgresTest;

/** {@link ModerationApiTests} on PostgreSQL. */
@OtklikPostgresTest
@DisplayName("Moderation API (PostgreSQL)")
class ModerationApiPostgresTests extends ModerationApiTests {
}
