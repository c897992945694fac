package ru.otklik.account;

import org.junit.jupiter.api.DisplayName;
import ru.otklik.support.OtklikPostgresTest;

/** {@link AccountSecurityReviewTests} on PostgreSQL. */
@OtklikPostgresTest
@DisplayName("AccountSecurityReview (PostgreSQL)")
class AccountSecurityReviewPostgresTests extends AccountSecurityReviewTests {
}
