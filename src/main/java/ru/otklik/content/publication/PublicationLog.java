package ru.otklik.content.publication;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.account.Account;
import ru.otklik.account.AccountRegistry;
import ru.otklik.account.AccountStatus;
import ru.otklik.account.NetworkDomains;
import ru.otklik.organization.OrganizationPolicies;
import ru.otklik.security.Staff;
import ru.otklik.web.InvalidFieldException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The publication log (ACC-7, ACC-8, ACC-12): the only writer of the table {@code publication}. Every entry
 * belongs to an active account of the user's organization, its link lies on the account's network and is
 * logged once per account. The weekly check (ACC-7, ACC-8) counts these rows.
 */
@Service
public class PublicationLog {

    public static final String SOURCE_API = "API";
    public static final String SOURCE_IMPORT = "IMPORT";
    /** Clocks of staff computers differ; a publication a few minutes "in the future" is still accepted. */
    private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(10);
    private static final String COLUMNS = "id, account_id, organization_id, published_at, kind, repost_source, format, "
            + "link, topic, source, entered_by, entered_at";

    private final JdbcClient jdbc;
    private final AccountRegistry accounts;
    private final OrganizationPolicies policies;
    private final ApplicationEventPublisher events;

    public PublicationLog(JdbcClient jdbc, AccountRegistry accounts, OrganizationPolicies policies,
                          ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.policies = policies;
        this.events = events;
    }

    /** Publications and reposts of one account in a period, counted by the database (ACC-7, ACC-8). */
    public record Counts(long accountId, int publications, int reposts) {
    }

    /**
     * ACC-7, ACC-8, ACC-12: validates and logs one publication in its own transaction.
     *
     * @throws InvalidFieldException naming the field; nothing is stored
     */
    @Transactional
    public Publication record(NewPublication input, Staff staff, String source) {
        Account account = activeAccount(input.account(), staff);
        ZoneId zone = zone(account.organization());
        Instant publishedAt = instant(input.publishedAt(), zone, "publishedAt");
        if (publishedAt.isAfter(ClockUtil.getCurrentTime().toInstant().plus(CLOCK_TOLERANCE))) {
            throw new InvalidFieldException("publishedAt", "время публикации ещё не наступило");
        }
        PublicationKind kind = parse(PublicationKind.class, input.kind(), "kind", PublicationKind.ORIGINAL);
        String repostSource = trimmed(input.repostSource(), 1000, "repostSource");
        if (kind == PublicationKind.REPOST && repostSource == null) {
            throw new InvalidFieldException("repostSource", "для репоста укажите источник (ACC-8)");
        }
        if (kind == PublicationKind.ORIGINAL) {
            repostSource = null;
        }
        PublicationFormat format = parse(PublicationFormat.class, input.format(), "format", null);
        NetworkDomains.AccountUrl link = NetworkDomains.parse(account.network(), input.link(), "link");
        String topic = trimmed(input.topic(), 500, "topic");

        Instant now = ClockUtil.getCurrentTime().toInstant();
        KeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                            INSERT INTO publication (account_id, organization_id, published_at, kind, repost_source, format,
                                                     link, link_key, topic, source, entered_by, entered_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(account.id(), account.organization(), utc(publishedAt), kind.name(), repostSource,
                            format.name(), link.url(), link.key(), topic, source, staff.userId(), utc(now))
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw new DuplicatePublicationException(link.url());
        }
        Publication saved = find(keys.getKey().longValue()).orElseThrow();
        events.publishEvent(new PublicationLogged(saved));
        return saved;
    }

    /** The account's publications from {@code from} to {@code to} inclusive (days in the organization's zone). */
    public List<Publication> list(Long accountId, LocalDate from, LocalDate to, Staff staff) {
        Account account = readableAccount(accountId, staff);
        ZoneId zone = zone(account.organization());
        Instant start = (from == null ? LocalDate.of(2000, 1, 1) : from).atStartOfDay(zone).toInstant();
        Instant end = (to == null ? LocalDate.of(2100, 1, 1) : to.plusDays(1)).atStartOfDay(zone).toInstant();
        if (!end.isAfter(start)) {
            throw new InvalidFieldException("to", "конец периода раньше его начала");
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM publication WHERE account_id = ? AND published_at >= ? "
                        + "AND published_at < ? ORDER BY published_at, id")
                .params(account.id(), utc(start), utc(end))
                .query(PublicationLog::map).list();
    }

    public java.util.Optional<Publication> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM publication WHERE id = ?").param(id)
                .query(PublicationLog::map).optional();
    }

    /**
     * ACC-7, ACC-8: publications and reposts per account of the organization in [from, to), aggregated in SQL.
     * Accounts without publications are absent.
     */
    public Map<Long, Counts> counts(String organization, Instant from, Instant to) {
        Map<Long, Counts> result = new HashMap<>();
        jdbc.sql("""
                        SELECT account_id, COUNT(*) AS publications,
                               SUM(CASE WHEN kind = 'REPOST' THEN 1 ELSE 0 END) AS reposts
                        FROM publication
                        WHERE organization_id = ? AND published_at >= ? AND published_at < ?
                        GROUP BY account_id""")
                .params(organization, utc(from), utc(to))
                .query(rs -> {
                    long id = rs.getLong("account_id");
                    result.put(id, new Counts(id, rs.getInt("publications"), rs.getInt("reposts")));
                });
        return result;
    }

    private Account activeAccount(Long id, Staff staff) {
        Account account = readableAccount(id, staff);
        if (account.status() != AccountStatus.ACTIVE) {
            throw new InvalidFieldException("account", "аккаунт №" + id + " не действует (статус «"
                    + account.status().title() + "»)");
        }
        return account;
    }

    private Account readableAccount(Long id, Staff staff) {
        if (id == null) {
            throw new InvalidFieldException("account", "укажите аккаунт из реестра");
        }
        return accounts.find(id).filter(a -> staff.belongsTo(a.organization()))
                .orElseThrow(() -> new InvalidFieldException("account",
                        "аккаунт №" + id + " не найден в реестре аккаунтов вашей организации"));
    }

    ZoneId zone(String organization) {
        return policies.get(organization).zone();
    }

    static Instant instant(String raw, ZoneId zone, String field) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidFieldException(field, "укажите дату и время");
        }
        String value = raw.trim();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException ignored) {
            // no offset: the organization's local time
        }
        try {
            return LocalDateTime.parse(value.replace(' ', 'T')).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidFieldException(field, "дата и время в формате 2026-11-22T10:30 или 2026-11-22T10:30:00+07:00");
        }
    }

    static <E extends Enum<E>> E parse(Class<E> type, String raw, String field, E fallback) {
        if (raw == null || raw.isBlank()) {
            if (fallback != null) {
                return fallback;
            }
            throw new InvalidFieldException(field, "укажите значение");
        }
        try {
            return Enum.valueOf(type, raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E constant : type.getEnumConstants()) {
                allowed.append(allowed.isEmpty() ? "" : ", ").append(constant.name());
            }
            throw new InvalidFieldException(field, "недопустимое значение «" + raw + "»; допустимы: " + allowed);
        }
    }

    static String trimmed(String raw, int max, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.trim();
        if (value.length() > max) {
            throw new InvalidFieldException(field, "не длиннее " + max + " символов");
        }
        return value;
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Publication map(ResultSet rs, int row) throws SQLException {
        return new Publication(rs.getLong("id"), rs.getLong("account_id"), rs.getString("organization_id"),
                rs.getObject("published_at", OffsetDateTime.class).toInstant(),
                PublicationKind.valueOf(rs.getString("kind")), rs.getString("repost_source"),
                PublicationFormat.valueOf(rs.getString("format")), rs.getString("link"), rs.getString("topic"),
                rs.getString("source"), rs.getString("entered_by"),
                rs.getObject("entered_at", OffsetDateTime.class).toInstant());
    }
}
