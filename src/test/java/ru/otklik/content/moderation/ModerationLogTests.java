package ru.otklik.content.moderation;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.otklik.account.AccountRegistry;
import ru.otklik.organization.Network;
import ru.otklik.support.OtklikSpringTest;
import ru.otklik.web.InvalidFieldException;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.otklik.content.moderation.ModerationTesting.unique;
import static ru.otklik.content.moderation.ModerationTesting.vkAccount;

/** ACC-10: the one moderation log and the blacklists of the accounts. */
@OtklikSpringTest
class ModerationLogTests {

    static final Instant AT = Instant.parse("2026-11-23T03:00:00Z");

    @Autowired
    ModerationLog moderationLog;
    @Autowired
    AccountRegistry accounts;
    @Autowired
    JdbcTemplate jdbc;

    NewModeration moderation(String org, long accountId, String authorId, ModerationAction action) {
        return new NewModeration(org, Network.VK, accountId, null, "https://vk.com/wall-1_2?reply=3", authorId,
                "Аноним", ModerationReason.INSULT, action, null, org + "-accounts", AT);
    }

    long rows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM moderation_log", Long.class);
    }

    @Test
    @DisplayName("ACC-10: for nkr a deletion without blacklisting is refused in Russian and nothing is stored")
    void nkrRefusedWithoutBlacklist() {
        long account = vkAccount(accounts, "nkr");
        long before = rows();

        assertThatThrownBy(() -> moderationLog.record(moderation("nkr", account, "id" + unique(),
                ModerationAction.DELETED)))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("actions"))
                .hasMessageContaining("необходимо внести в чёрный список")
                .hasMessageContaining("ACC-10");
        assertThat(rows()).isEqualTo(before);
        assertThat(moderationLog.blacklist(account)).isEmpty();
    }

    @Test
    @DisplayName("ACC-10: for nkr a deletion with blacklisting is recorded and the author is on the account's list")
    void nkrAcceptedWithBlacklist() {
        long account = vkAccount(accounts, "nkr");
        String author = "id" + unique();

        ModerationEntry entry = moderationLog.record(moderation("nkr", account, author,
                ModerationAction.DELETED_AND_BLACKLISTED));

        assertThat(entry.organization()).isEqualTo("nkr");
        assertThat(entry.accountId()).isEqualTo(account);
        assertThat(entry.messageId()).isNull();
        assertThat(entry.reason()).isEqualTo(ModerationReason.INSULT);
        assertThat(entry.action()).isEqualTo(ModerationAction.DELETED_AND_BLACKLISTED);
        assertThat(entry.source()).isEqualTo(ModerationLog.SOURCE_ACCOUNT);
        assertThat(entry.moderatedBy()).isEqualTo("nkr-accounts");
        assertThat(entry.moderatedAt()).isEqualTo(AT);
        assertThat(moderationLog.blacklist(account)).singleElement().satisfies(b -> {
            assertThat(b.authorId()).isEqualTo(author);
            assertThat(b.moderationId()).isEqualTo(entry.id());
            assertThat(b.addedBy()).isEqualTo("nkr-accounts");
        });
        assertThat(moderationLog.blacklisted("nkr", Network.VK, author)).isPresent();
        assertThat(moderationLog.blacklisted("nkr", Network.OK, author)).isEmpty();
        assertThat(moderationLog.blacklisted("zags", Network.VK, author)).isEmpty();

        // A second moderation of the same author is logged; the author stays on the list once
        moderationLog.record(moderation("nkr", account, author, ModerationAction.AUTHOR_BLACKLISTED));
        assertThat(moderationLog.blacklist(account)).hasSize(1);
    }

    @Test
    @DisplayName("ACC-10: for zags blacklisting is optional — a deletion alone is recorded, nobody is blacklisted")
    void zagsBlacklistOptional() {
        long account = vkAccount(accounts, "zags");
        String author = "id" + unique();

        ModerationEntry entry = moderationLog.record(moderation("zags", account, author, ModerationAction.DELETED));

        assertThat(entry.action()).isEqualTo(ModerationAction.DELETED);
        assertThat(moderationLog.blacklist(account)).isEmpty();
        assertThat(moderationLog.blacklisted("zags", Network.VK, author)).isEmpty();
        assertThat(moderationLog.list("zags", AT, AT.plusSeconds(1))).extracting(ModerationEntry::id)
                .contains(entry.id());
    }

    @Test
    @DisplayName("ACC-10: an account of another organization, a missing reason or action are refused, naming the field")
    void invalid() {
        long zagsAccount = vkAccount(accounts, "zags");
        assertThatThrownBy(() -> moderationLog.record(moderation("nkr", zagsAccount, "id" + unique(),
                ModerationAction.DELETED_AND_BLACKLISTED)))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("accountId"));
        assertThatThrownBy(() -> moderationLog.record(new NewModeration("zags", Network.VK, zagsAccount, null, null,
                "id1", null, null, ModerationAction.DELETED, null, "zags-accounts", AT)))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThatThrownBy(() -> moderationLog.record(new NewModeration("zags", Network.VK, zagsAccount, null, null,
                "id1", null, ModerationReason.SPAM, null, null, "zags-accounts", AT)))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("actions"));
    }
}
