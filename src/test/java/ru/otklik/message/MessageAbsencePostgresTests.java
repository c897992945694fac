package ru.otklik.message;

import org.junit.jupiter.api.DisplayName;
import ru.otklik.support.OtklikPostgresTest;

/** {@link MessageAbsenceTests} on PostgreSQL. */
@OtklikPostgresTest
@DisplayName("MessageResponse: substitutes and absences (PostgreSQL)")
class MessageAbsencePostgresTests extends MessageAbsenceTests {
}
