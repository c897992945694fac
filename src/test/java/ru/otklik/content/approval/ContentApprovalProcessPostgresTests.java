package ru.otklik.content.approval;

import org.junit.jupiter.api.DisplayName;
import ru.otklik.support.OtklikPostgresTest;

/** {@link ContentApprovalProcessTests} on PostgreSQL. */
@OtklikPostgresTest
@DisplayName("ContentApproval (PostgreSQL)")
class ContentApprovalProcessPostgresTests extends ContentApprovalProcessTests {
}
