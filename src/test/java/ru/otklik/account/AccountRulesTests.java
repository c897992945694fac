package ru.otklik.account;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import ru.otklik.organization.Network;
import ru.otklik.organization.OrganizationPolicies;
import ru.otklik.organization.OrganizationPolicy;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** The rules of an account entry against the real policy files, without the engine. */
class AccountRulesTests {

    static final OrganizationPolicies POLICIES = new OrganizationPolicies();

    @Test
    @DisplayName("ACC-1: each organization keeps accounts only in the networks of its act")
    void networksOfTheActs() {
        assertThatNoException().isThrownBy(() -> AccountRules.requireNetworkOfAct(POLICIES.get("zags"), Network.TWITTER, "network"));
        assertThatNoException().isThrownBy(() -> AccountRules.requireNetworkOfAct(POLICIES.get("minzdrav"), Network.BLOG, "network"));
        assertThatNoException().isThrownBy(() -> AccountRules.requireNetworkOfAct(POLICIES.get("minsoc"), Network.FACEBOOK, "network"));
        assertThatThrownBy(() -> AccountRules.requireNetworkOfAct(POLICIES.get("kuzbass-gov"), Network.FACEBOOK, "network"))
                .hasMessageContaining("Постановление Правительства Кемеровской области - Кузбасса")
                .hasMessageContaining("от 14.02.2020 № 66");
        assertThatThrownBy(() -> AccountRules.requireNetworkOfAct(POLICIES.get("nkr"), Network.TELEGRAM, "network"))
                .hasMessageContaining("от 16.03.2020 № 59")
                .hasMessageContaining("Допустимые сети: ВКонтакте, Одноклассники, Instagram, Facebook");
    }

    @Test
    @DisplayName("ACC-1: the error for zags + BLOG names the act's title, date and number")
    void zagsBlog() {
        OrganizationPolicy zags = POLICIES.get("zags");
        assertThatThrownBy(() -> AccountRules.requireNetworkOfAct(zags, Network.BLOG, "network"))
                .isInstanceOf(AccountValidationException.class)
                .hasMessage("сеть «Блог» не предусмотрена актом организации «Управление ЗАГС Кузбасса»: "
                        + zags.act().title() + " от 18.02.2021 № 16 (ACC-1). Допустимые сети: ВКонтакте, "
                        + "Одноклассники, Twitter (X), Instagram, Facebook");
    }

    @Test
    @DisplayName("networks are read by code or Russian name; dates as ISO or dd.MM.yyyy, strictly")
    void parsing() {
        assertThat(AccountRules.network("vk", "network")).isEqualTo(Network.VK);
        assertThat(AccountRules.network("Одноклассники", "network")).isEqualTo(Network.OK);
        assertThatThrownBy(() -> AccountRules.network("MySpace", "network")).hasMessageContaining("неизвестная сеть");
        assertThat(AccountRules.date("2020-03-01", "d")).isEqualTo(LocalDate.of(2020, 3, 1));
        assertThat(AccountRules.date("01.03.2020", "d")).isEqualTo(LocalDate.of(2020, 3, 1));
        assertThat(AccountRules.date("2020-03-01T00:00:00+07:00", "d")).isEqualTo(LocalDate.of(2020, 3, 1));
        assertThat(AccountRules.date(" ", "d")).isNull();
        assertThatThrownBy(() -> AccountRules.date("31.02.2020", "d")).isInstanceOf(AccountValidationException.class);
        assertThatThrownBy(() -> AccountRules.pastDate("2026-11-20", "d", LocalDate.of(2026, 11, 19)))
                .hasMessageContaining("позже сегодняшней");
    }

    @Test
    @DisplayName("yes/no cells and lists of administrators")
    void flagsAndAdministrators() {
        assertThat(AccountRules.flag("да", "f", false)).isTrue();
        assertThat(AccountRules.flag("НЕТ", "f", true)).isFalse();
        assertThat(AccountRules.flag("", "f", true)).isTrue();
        assertThatThrownBy(() -> AccountRules.flag("может быть", "f", false)).isInstanceOf(AccountValidationException.class);
        assertThat(AccountRules.administrators("Иванов И. И.\r\nПетров П. П.; Иванов И. И.,zags-accounts", "a"))
                .containsExactly("Иванов И. И.", "Петров П. П.", "zags-accounts");
        assertThat(AccountRules.administrators(List.of(" a ", "", "b"), "a")).containsExactly("a", "b");
        assertThat(AccountRules.administrators(null, "a")).isEmpty();
    }

    @Test
    @DisplayName("ACC-4: the term as forms show it, with Russian plurals")
    void termText() {
        assertThat(AccountDeadlines.termText(POLICIES.get("zags").accountReporting())).isEqualTo("10 календарных дней");
        assertThat(AccountDeadlines.termText(POLICIES.get("minzdrav").accountReporting())).isEqualTo("3 рабочих дня");
        assertThat(AccountDeadlines.termText(POLICIES.get("kuzbass-gov").accountReporting())).isEqualTo("не установлен");
        assertThat(AccountDeadlines.termText(new OrganizationPolicy.AccountReporting("x", null,
                OrganizationPolicy.TermKind.WORKING_DAYS, 1))).isEqualTo("1 рабочий день");
        assertThat(AccountDeadlines.termText(new OrganizationPolicy.AccountReporting("x", null,
                OrganizationPolicy.TermKind.CALENDAR_DAYS, 21))).isEqualTo("21 календарный день");
        assertThat(AccountDeadlines.termText(new OrganizationPolicy.AccountReporting("x", null,
                OrganizationPolicy.TermKind.CALENDAR_DAYS, 12))).isEqualTo("12 календарных дней");
    }

    @Test
    @DisplayName("ACC-3: findings of a security review")
    void securityFindings() {
        LocalDate today = LocalDate.of(2026, 11, 25);
        Period maxAge = Period.ofDays(90);
        assertThat(AccountSecurityReviews.findings(true, true, List.of("a"), LocalDate.of(2026, 9, 1), null, today, maxAge))
                .isEmpty();
        assertThat(AccountSecurityReviews.findings(false, false, List.of(), null, "замечание", today, maxAge))
                .extracting(AccountRegistry.NewFinding::kind).containsExactly(
                        SecurityReview.FindingKind.TWO_FACTOR_OFF, SecurityReview.FindingKind.ADMINISTRATORS_UNCONFIRMED,
                        SecurityReview.FindingKind.CREDENTIALS_STALE, SecurityReview.FindingKind.OTHER);
        // 90 days before 25.11.2026 is 27.08.2026: still fine; 26.08 is stale
        assertThat(AccountSecurityReviews.findings(true, true, List.of("a"), LocalDate.of(2026, 8, 27), null, today, maxAge))
                .isEmpty();
        assertThat(AccountSecurityReviews.findings(true, true, List.of("a"), LocalDate.of(2026, 8, 26), null, today, maxAge))
                .extracting(AccountRegistry.NewFinding::kind).containsExactly(SecurityReview.FindingKind.CREDENTIALS_STALE);
    }
}
