package ru.otklik.content.moderation;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.organization.Network;
import ru.otklik.organization.OrganizationPolicies;
import ru.otklik.organization.OrganizationPolicy;
import ru.otklik.web.InvalidFieldException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one moderation log of the system (ACC-10, MSG-23) and the blacklists of the accounts. Both the moderation
 * form for comments found on the accounts and the not-to-be-processed path of the message procedure record
 * through {@link #record}; nothing else writes {@code moderation_log} or {@code blacklist_entry}.
 *
 * <p>ACC-10: where the organization's policy makes blacklisting mandatory ({@code blacklistMandatory}, nkr), a
 * moderation that does not blacklist the author is refused here, whichever path it comes from.
 */
@Service
public class ModerationLog {

    static final String SOURCE_ACCOUNT = "ACCOUNT";
    static final String SOURCE_MESSAGE = "MESSAGE";

    private final JdbcClient jdbc;
    private final OrganizationPolicies policies;

    public ModerationLog(JdbcClient jdbc, OrganizationPolicies policies) {
        this.jdbc = jdbc;
        this.policies = policies;
    }

    /**
     * Records a moderation and, when the author was blacklisted, puts the author on the account's blacklist
     * (once per account and author). Without an account id (MSG-23 path) the organization's only active account
     * in the network is taken, if there is exactly one.
     *
     * @throws InvalidFieldException 400 (field named): the reason or the action is missing, the author is not
     *                               blacklisted where the policy makes it mandatory (ACC-10), the account is not
     *                               one of the organization's in that network, a text is too long
     * @throws ru.otklik.organization.UnknownOrganizationException no such organization
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public ModerationEntry record(NewModeration m) {
        OrganizationPolicy policy = policies.get(m.organization());
        if (m.reason() == null) {
            throw new InvalidFieldException("reason", "reason: укажите основание — нарушение законодательства, спам, "
                    + "оскорбления, нецензурные выражения или угрозы (ACC-10)");
        }
        if (m.action() == null) {
            throw new InvalidFieldException("actions", "actions: укажите, что сделано — комментарий удалён и (или) "
                    + "автор внесён в чёрный список (ACC-10)");
        }
        if (m.network() == null) {
            throw new InvalidFieldException("network", "network: укажите социальную сеть");
        }
        if (policy.blacklistMandatory() && !m.action().blacklisted()) {
            throw new InvalidFieldException("actions", "actions: автора необходимо внести в чёрный список — для "
                    + "организации «" + policy.name() + "» это обязательно (ACC-10)");
        }
        String authorId = trimToNull(m.authorId());
        if (m.action().blacklisted() && authorId == null) {
            throw new InvalidFieldException("authorId", "authorId: чтобы внести автора в чёрный список, укажите его "
                    + "идентификатор в сети");
        }
        maxLength(authorId, 255, "authorId");
        maxLength(m.authorName(), 255, "authorName");
        maxLength(m.commentUrl(), 2048, "commentUrl");
        maxLength(m.notes(), 2000, "notes");
        Long accountId = m.accountId();
        if (accountId != null) {
            AccountRow account = account(accountId).filter(a -> a.organization().equals(m.organization()))
                    .orElseThrow(() -> new InvalidFieldException("accountId", "accountId: нет такого аккаунта "
                            + "в реестре организации"));
            if (account.network() != m.network()) {
                throw new InvalidFieldException("accountId", "accountId: аккаунт ведётся в другой сети");
            }
        } else if (m.action().blacklisted()) {
            accountId = onlyActiveAccount(m.organization(), m.network()).orElse(null);
        }
        Instant at = m.at() == null ? Instant.now() : m.at();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO moderation_log (organization_id, message_id, account_id, network, author_id, author_name, "
                        + "url, reason, action, source, comment_deleted, author_blacklisted, notes, moderated_by, "
                        + "moderated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(m.organization(), m.messageId(), accountId, m.network().name(), authorId,
                        trimToNull(m.authorName()), trimToNull(m.commentUrl()), m.reason().name(), m.action().name(),
                        m.messageId() == null ? SOURCE_ACCOUNT : SOURCE_MESSAGE, m.action().deleted(),
                        m.action().blacklisted(), trimToNull(m.notes()), m.moderator(), utc(at))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        if (m.action().blacklisted() && accountId != null && blacklisting(accountId, authorId).isEmpty()) {
            try {
                jdbc.sql("INSERT INTO blacklist_entry (account_id, organization_id, network, author_id, reason, "
                                + "moderation_id, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(accountId, m.organization(), m.network().name(), authorId, m.reason().name(), id,
                                m.moderator(), utc(at))
                        .update();
            } catch (DuplicateKeyException alreadyListed) {
                // listed concurrently: the author is on the list, which is all that counts
            }
        }
        return find(id).orElseThrow();
    }

    /** A row of the log. */
    public Optional<ModerationEntry> find(long id) {
        return jdbc.sql("SELECT * FROM moderation_log WHERE id = ?").param(id).query(ModerationLog::entry).optional();
    }

    /** The row of a message not to be processed (MSG-23), if any. */
    public Optional<ModerationEntry> forMessage(long messageId) {
        return jdbc.sql("SELECT * FROM moderation_log WHERE message_id = ?").param(messageId)
                .query(ModerationLog::entry).optional();
    }

    /** The log of an organization, oldest first; {@code from} inclusive, {@code to} exclusive, both optional. */
    public List<ModerationEntry> list(String organization, Instant from, Instant to) {
        StringBuilder sql = new StringBuilder("SELECT * FROM moderation_log WHERE organization_id = ?");
        List<Object> params = new ArrayList<>(List.of(organization));
        if (from != null) {
            sql.append(" AND moderated_at >= ?");
            params.add(utc(from));
        }
        if (to != null) {
            sql.append(" AND moderated_at < ?");
            params.add(utc(to));
        }
        sql.append(" ORDER BY moderated_at, id");
        return jdbc.sql(sql.toString()).params(params).query(ModerationLog::entry).list();
    }

    /** The blacklist of an account, oldest first. */
    public List<BlacklistEntry> blacklist(long accountId) {
        return jdbc.sql("SELECT b.*, a.url AS account_url FROM blacklist_entry b JOIN account a ON a.id = b.account_id "
                        + "WHERE b.account_id = ? ORDER BY b.added_at, b.id")
                .param(accountId).query(ModerationLog::blacklistEntry).list();
    }

    /**
     * ACC-10: the first entry that puts the author on the blacklist of an account of the organization in the
     * network, if any.
     */
    public Optional<BlacklistEntry> blacklisted(String organization, Network network, String authorId) {
        String author = trimToNull(authorId);
        if (author == null || network == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT b.*, a.url AS account_url FROM blacklist_entry b JOIN account a ON a.id = b.account_id "
                        + "WHERE b.organization_id = ? AND b.network = ? AND b.author_id = ? ORDER BY b.id")
                .params(organization, network.name(), author).query(ModerationLog::blacklistEntry).list()
                .stream().findFirst();
    }

    /** An account of the registry: its organization and network. */
    record AccountRow(long id, String organization, Network network, String url) {
    }

    /** An account of the registry, whatever its status. */
    Optional<AccountRow> account(long accountId) {
        return jdbc.sql("SELECT id, organization_id, network, url FROM account WHERE id = ?").param(accountId)
                .query((rs, row) -> new AccountRow(rs.getLong("id"), rs.getString("organization_id"),
                        Network.valueOf(rs.getString("network")), rs.getString("url")))
                .optional();
    }

    private Optional<Long> onlyActiveAccount(String organization, Network network) {
        List<Long> ids = jdbc.sql("SELECT id FROM account WHERE organization_id = ? AND network = ? AND status = 'ACTIVE'")
                .params(organization, network.name()).query(Long.class).list();
        return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
    }

    private Optional<Long> blacklisting(long accountId, String authorId) {
        return jdbc.sql("SELECT id FROM blacklist_entry WHERE account_id = ? AND author_id = ?")
                .params(accountId, authorId).query(Long.class).optional();
    }

    private static ModerationEntry entry(ResultSet rs, int row) throws SQLException {
        ModerationReason reason = ModerationReason.parse(rs.getString("reason")).orElse(ModerationReason.LAW_VIOLATION);
        ModerationAction action = ModerationAction.valueOf(rs.getString("action"));
        long messageId = rs.getLong("message_id");
        Long message = rs.wasNull() ? null : messageId;
        long accountId = rs.getLong("account_id");
        Long account = rs.wasNull() ? null : accountId;
        return new ModerationEntry(rs.getLong("id"), rs.getString("organization_id"),
                Network.valueOf(rs.getString("network")), account, message, rs.getString("url"),
                rs.getString("author_id"), rs.getString("author_name"), reason, reason.title(), action, action.title(),
                rs.getString("notes"), rs.getString("source"), rs.getString("moderated_by"),
                instant(rs, "moderated_at"));
    }

    private static BlacklistEntry blacklistEntry(ResultSet rs, int row) throws SQLException {
        ModerationReason reason = ModerationReason.parse(rs.getString("reason")).orElse(ModerationReason.LAW_VIOLATION);
        long moderationId = rs.getLong("moderation_id");
        Long moderation = rs.wasNull() ? null : moderationId;
        return new BlacklistEntry(rs.getLong("id"), rs.getLong("account_id"), rs.getString("account_url"),
                rs.getString("organization_id"), Network.valueOf(rs.getString("network")), rs.getString("author_id"),
                reason, reason.title(), moderation, rs.getString("added_by"), instant(rs, "added_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static String trimToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static void maxLength(String value, int max, String field) {
        if (value != null && value.trim().length() > max) {
            throw new InvalidFieldException(field, field + ": не длиннее " + max + " символов");
        }
    }
}
