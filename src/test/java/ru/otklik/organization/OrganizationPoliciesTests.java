package ru.otklik.organization;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrganizationPoliciesTests {

    private final OrganizationPolicies policies = new OrganizationPolicies();

    @Test
    @DisplayName("the five bodies of the acts are loaded, each with its own act")
    void fiveOrganizations() {
        assertThat(policies.all()).extracting(OrganizationPolicy::id)
                .containsExactlyInAnyOrder("kuzbass-gov", "minsoc", "minzdrav", "nkr", "zags");
        OrganizationPolicy zags = policies.get("zags");
        assertThat(zags.act().number()).isEqualTo("16");
        assertThat(zags.act().date()).isEqualTo(LocalDate.of(2021, 2, 18));
        assertThat(zags.department("oto").name()).isEqualTo("Организационно-территориальный отдел");
        assertThat(policies.get("minzdrav").act().date()).isEqualTo(LocalDate.of(2024, 5, 21));
    }

    @Test
    @DisplayName("ACC-1: networks covered by each act")
    void networks() {
        assertThat(policies.get("kuzbass-gov").networks()).containsExactlyInAnyOrder(
                Network.OK, Network.VK, Network.TWITTER, Network.INSTAGRAM);
        assertThat(policies.get("minsoc").networks()).containsExactlyInAnyOrder(
                Network.OK, Network.VK, Network.FACEBOOK, Network.INSTAGRAM, Network.BLOG);
        assertThat(policies.get("minzdrav").networks()).containsExactlyInAnyOrder(Network.OK, Network.VK, Network.BLOG);
        assertThat(policies.get("nkr").networks()).containsExactlyInAnyOrder(
                Network.OK, Network.VK, Network.FACEBOOK, Network.INSTAGRAM);
        assertThat(policies.get("zags").networks()).containsExactlyInAnyOrder(
                Network.OK, Network.VK, Network.TWITTER, Network.FACEBOOK, Network.INSTAGRAM);
    }

    @Test
    @DisplayName("ACC-4: 10 calendar days to the media directorate, 3 working days to ЦУР for minzdrav, none for the recipient")
    void accountReporting() {
        for (String org : new String[] {"minsoc", "nkr", "zags"}) {
            OrganizationPolicy.AccountReporting r = policies.get(org).accountReporting();
            assertThat(r.termKind()).as(org).isEqualTo(OrganizationPolicy.TermKind.CALENDAR_DAYS);
            assertThat(r.term()).as(org).isEqualTo(10);
            assertThat(r.recipientOrg()).as(org).isEqualTo("kuzbass-gov");
        }
        OrganizationPolicy.AccountReporting minzdrav = policies.get("minzdrav").accountReporting();
        assertThat(minzdrav.termKind()).isEqualTo(OrganizationPolicy.TermKind.WORKING_DAYS);
        assertThat(minzdrav.term()).isEqualTo(3);
        assertThat(minzdrav.recipient()).contains("ЦУР");
        assertThat(policies.get("kuzbass-gov").accountReporting().termKind()).isEqualTo(OrganizationPolicy.TermKind.NONE);
    }

    @Test
    @DisplayName("ACC-5…ACC-10: publication site, posting basis, weekly minimum, repost cap, mandatory blacklist")
    void contentRules() {
        assertThat(policies.get("kuzbass-gov").publicRegistryUrl()).hasToString("https://www.ako.ru");
        assertThat(policies.get("minsoc").publicRegistryUrl()).isNull();
        assertThat(policies.get("zags").postingBasis()).isEqualTo(OrganizationPolicy.PostingBasis.CONTENT_PLAN);
        assertThat(policies.get("kuzbass-gov").weeklyMinimum()).isEqualTo(10);
        assertThat(policies.get("zags").weeklyMinimum()).isEqualTo(10);
        assertThat(policies.get("nkr").weeklyMinimum()).isEqualTo(7);
        assertThat(policies.get("minsoc").weeklyMinimum()).isNull();
        assertThat(policies.get("minzdrav").repostCapPercent()).isEqualTo(25);
        assertThat(policies.get("zags").repostCapPercent()).isNull();
        assertThat(policies.get("nkr").blacklistMandatory()).isTrue();
        assertThat(policies.get("zags").blacklistMandatory()).isFalse();
    }

    @Test
    @DisplayName("an unknown organization is reported as such")
    void unknown() {
        assertThatThrownBy(() -> policies.get("mars")).isInstanceOf(UnknownOrganizationException.class);
        assertThat(policies.find("mars")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "id differs from the file name | id: zags | id: other | id",
            "unknown field | weeklyMinimum: 10 | weeklyMinimum: 10\\nweeklyMaximum: 20 | weeklyMaximum",
            "unknown network | networks: [OK, VK, TWITTER, FACEBOOK, INSTAGRAM] | networks: [OK, MYSPACE] | networks[1]",
            "no networks | networks: [OK, VK, TWITTER, FACEBOOK, INSTAGRAM] | networks: [] | networks",
            "negative weekly minimum | weeklyMinimum: 10 | weeklyMinimum: -1 | weeklyMinimum",
            "report term missing | term: 10 | term: null | accountReporting.term",
            "bad time zone | zone: Asia/Novokuznetsk | zone: Mars/Olympus | schedule",
            "malformed interval | MONDAY: [\"09:00-13:00\", \"14:00-18:00\"] | MONDAY: [\"9 to 5\"] | schedule",
            "bad department id | - id: oto | - id: ОТО | departments[0].id",
            "unknown recipient | recipientOrg: kuzbass-gov | recipientOrg: mediadir | accountReporting.recipientOrg",
            "bad act date | date: 2021-02-18 | date: 18.02.2021 | act.date",
    })
    @DisplayName("an invalid policy stops start-up with a message naming the file and the field")
    void invalid(String name, String from, String to, String field, @TempDir Path dir) throws IOException {
        Path organizations = Files.createDirectories(dir.resolve("organizations"));
        for (String org : new String[] {"kuzbass-gov", "minsoc", "minzdrav", "nkr"}) {
            copy(org, organizations, s -> s);
        }
        String original = read("zags");
        assertThat(original).as("fixture text").contains(from);
        copy("zags", organizations, s -> s.replace(from, to.replace("\\n", "\n")));

        assertThatThrownBy(() -> new OrganizationPolicies("file:" + organizations + "/*.yml"))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageContaining("organizations/zags.yml")
                .hasMessageContaining("'" + field + "'")
                .satisfies(e -> assertThat(((InvalidPolicyException) e).field()).isEqualTo(field));
    }

    private static String read(String org) throws IOException {
        try (var in = OrganizationPoliciesTests.class.getResourceAsStream("/organizations/" + org + ".yml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void copy(String org, Path dir, java.util.function.UnaryOperator<String> edit) throws IOException {
        Files.writeString(dir.resolve(org + ".yml"), edit.apply(read(org)), StandardCharsets.UTF_8);
    }
}
