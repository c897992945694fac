package ru.otklik.account;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.organization.Network;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The registry of accounts (реестр аккаунтов, ACC-2): the only writer of the tables {@code account},
 * {@code account_administrator}, {@code account_audit}, {@code account_report}, {@code account_violation},
 * {@code account_security_review} and {@code account_security_finding}. Every change of an account is an audit
 * event with the old and new values. Times come from the engine clock so that the registry and the process
 * history agree.
 */
@Service
public class AccountRegistry {

    private static final String COLUMNS = "id, organization_id, network, url, display_name, external_id, purpose, "
            + "status, created_on, deleted_on, text_description, designed_visuals, official_page, two_factor_enabled, "
            + "last_credential_rotation, security_owner, last_security_review, consolidated_on, source, "
            + "pending_request, process_instance_id, registered_by, registered_at, updated_at";
    private static final String REPORT_COLUMNS = "id, account_id, organization_id, kind, event_on, due_at, recipient, "
            + "recipient_org_id, reported_at, reported_by, reference, late, escalated_at, process_instance_id, "
            + "recipient_process_instance_id, entered_at, entered_by";
    private static final String REVIEW_COLUMNS = "id, account_id, organization_id, status, requested_at, due_at, "
            + "completed_at, reviewer, two_factor_enabled, administrators_confirmed, credentials_rotated_on, overdue, "
            + "process_instance_id";

    static final String SOURCE_REQUEST = "REQUEST";
    static final String SOURCE_IMPORT = "IMPORT";

    private final JdbcClient jdbc;
    private final ObjectMapper json = new ObjectMapper();

    public AccountRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The fields of an account that change, with their columns; names are those of the audit's JSON. */
    public enum Field {
        NETWORK("network", "network"),
        URL("url", "url"),
        DISPLAY_NAME("displayName", "display_name"),
        EXTERNAL_ID("externalId", "external_id"),
        PURPOSE("purpose", "purpose"),
        STATUS("status", "status"),
        CREATED_ON("createdOn", "created_on"),
        DELETED_ON("deletedOn", "deleted_on"),
        TEXT_DESCRIPTION("textDescription", "text_description"),
        DESIGNED_VISUALS("designedVisuals", "designed_visuals"),
        OFFICIAL_PAGE("officialPage", "official_page"),
        TWO_FACTOR_ENABLED("twoFactorEnabled", "two_factor_enabled"),
        LAST_CREDENTIAL_ROTATION("lastCredentialRotation", "last_credential_rotation"),
        SECURITY_OWNER("securityOwner", "security_owner"),
        LAST_SECURITY_REVIEW("lastSecurityReview", "last_security_review"),
        CONSOLIDATED_ON("consolidatedOn", "consolidated_on");

        private final String key;
        private final String column;

        Field(String key, String column) {
            this.key = key;
            this.column = column;
        }

        public String key() {
            return key;
        }

        Object get(Account a) {
            return switch (this) {
                case NETWORK -> a.network();
                case URL -> a.url();
                case DISPLAY_NAME -> a.displayName();
                case EXTERNAL_ID -> a.externalId();
                case PURPOSE -> a.purpose();
                case STATUS -> a.status();
                case CREATED_ON -> a.createdOn();
                case DELETED_ON -> a.deletedOn();
                case TEXT_DESCRIPTION -> a.textDescription();
                case DESIGNED_VISUALS -> a.designedVisuals();
                case OFFICIAL_PAGE -> a.officialPage();
                case TWO_FACTOR_ENABLED -> a.twoFactorEnabled();
                case LAST_CREDENTIAL_ROTATION -> a.lastCredentialRotation();
                case SECURITY_OWNER -> a.securityOwner();
                case LAST_SECURITY_REVIEW -> a.lastSecurityReview();
                case CONSOLIDATED_ON -> a.consolidatedOn();
            };
        }
    }

    /** What a new entry holds. */
    public record NewAccount(String organization, Network network, NetworkDomains.AccountUrl url, String displayName,
                             String externalId, String purpose, String securityOwner) {
    }

    /** What an imported, already existing account brings along (ACC-9, ACC-3, ACC-17). */
    public record ExistingDetails(LocalDate createdOn, boolean officialPage, boolean textDescription,
                                  boolean designedVisuals, boolean twoFactorEnabled, LocalDate lastCredentialRotation,
                                  List<String> administrators) {
    }

    // ---- accounts ----

    /**
     * ACC-2: enters a requested account as {@link AccountStatus#PLANNED}, holding its URL, with the request
     * under way.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the URL is registered already
     */
    @Transactional
    public long insertPlanned(NewAccount account, String actor, String requestKind) {
        long id = insert(account, AccountStatus.PLANNED, SOURCE_REQUEST, requestKind, actor, null);
        audit(id, actor, AccountActions.REQUESTED, "ACC-2", Map.of(), describe(find(id).orElseThrow()),
                "Заявка на создание аккаунта");
        return id;
    }

    /**
     * ACC-2, ACC-17: enters an existing account from the initial import straight as {@link AccountStatus#ACTIVE};
     * it needs no creation process and no report.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the URL is registered already
     */
    @Transactional
    public long insertImported(NewAccount account, ExistingDetails details, String actor) {
        long id = insert(account, AccountStatus.ACTIVE, SOURCE_IMPORT, null, actor, details);
        writeAdministrators(id, details.administrators());
        Account created = find(id).orElseThrow();
        audit(id, actor, AccountActions.IMPORTED, "ACC-2", Map.of(), describe(created),
                "Первичная загрузка реестра");
        return id;
    }

    private long insert(NewAccount a, AccountStatus status, String source, String pendingRequest, String actor,
                        ExistingDetails details) {
        OffsetDateTime now = now();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO account (organization_id, network, url, url_key, display_name, external_id, purpose,
                            status, created_on, text_description, designed_visuals, official_page, two_factor_enabled,
                            last_credential_rotation, security_owner, source, pending_request, registered_by,
                            registered_at, updated_at)
                        VALUES (:org, :network, :url, :urlKey, :displayName, :externalId, :purpose, :status, :createdOn,
                            :text, :visuals, :official, :twoFactor, :rotation, :securityOwner, :source, :pending,
                            :actor, :now, :now)""")
                .param("org", a.organization())
                .param("network", a.network().name())
                .param("url", a.url().url())
                .param("urlKey", a.url().key())
                .param("displayName", a.displayName())
                .param("externalId", a.externalId())
                .param("purpose", a.purpose())
                .param("status", status.name())
                .param("createdOn", details == null ? null : sqlDate(details.createdOn()))
                .param("text", details != null && details.textDescription())
                .param("visuals", details != null && details.designedVisuals())
                .param("official", details != null && details.officialPage())
                .param("twoFactor", details != null && details.twoFactorEnabled())
                .param("rotation", details == null ? null : sqlDate(details.lastCredentialRotation()))
                .param("securityOwner", a.securityOwner())
                .param("source", source)
                .param("pending", pendingRequest)
                .param("actor", actor)
                .param("now", now)
                .update(keys, "id");
        Number key = keys.getKey();
        if (key != null) {
            return key.longValue();
        }
        return jdbc.sql("SELECT id FROM account WHERE url_key = ?").param(a.url().key()).query(Long.class).single();
    }

    public Optional<Account> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE id = ?").param(id).query(AccountRegistry::account)
                .optional().map(a -> a.withAdministrators(administrators(id)));
    }

    /** The entry that holds a URL now (planned, active or blocked), if any. */
    public Optional<Account> findLive(String urlKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE url_key = ?").param(urlKey)
                .query(AccountRegistry::account).optional();
    }

    /**
     * Entries of the given organizations, optionally of one network and status, by organization and URL.
     * Without administrators (see {@link #find}).
     */
    public List<Account> list(Collection<String> organizations, Network network, AccountStatus status) {
        if (organizations.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        StringJoiner where = new StringJoiner(" AND ", " WHERE ", "");
        where.add("organization_id IN (:orgs)");
        params.put("orgs", List.copyOf(organizations));
        if (network != null) {
            where.add("network = :network");
            params.put("network", network.name());
        }
        if (status != null) {
            where.add("status = :status");
            params.put("status", status.name());
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM account" + where + " ORDER BY organization_id, network, url, id")
                .params(params).query(AccountRegistry::account).list();
    }

    /**
     * Changes fields of an account and records one audit event with the old and new values of those that
     * differ; nothing is written when nothing differs.
     *
     * @return whether anything changed
     */
    @Transactional
    public boolean update(long id, Map<Field, Object> changes, String actor, String action, String ruleId,
                          String details) {
        Account before = find(id).orElseThrow(() -> new IllegalStateException("Account " + id + " is not in the registry"));
        Map<String, Object> oldValues = new LinkedHashMap<>();
        Map<String, Object> newValues = new LinkedHashMap<>();
        Map<String, Object> params = new LinkedHashMap<>();
        StringJoiner set = new StringJoiner(", ");
        for (Map.Entry<Field, Object> change : changes.entrySet()) {
            Field field = change.getKey();
            Object value = change.getValue() instanceof NetworkDomains.AccountUrl u ? u.url() : change.getValue();
            if (Objects.equals(field.get(before), value)) {
                continue;
            }
            oldValues.put(field.key(), jsonValue(field.get(before)));
            newValues.put(field.key(), jsonValue(value));
            set.add(field.column + " = :" + field.key());
            params.put(field.key(), sqlValue(value));
            if (change.getValue() instanceof NetworkDomains.AccountUrl u) {
                // the URL moves with the entry; the unique key rejects one registered elsewhere
                set.add("url_key = :urlKey");
                params.put("urlKey", u.key());
            }
            if (field == Field.STATUS && !((AccountStatus) value).live()) {
                // a deleted account or a rejected request frees its URL
                set.add("url_key = NULL");
            }
        }
        if (newValues.isEmpty()) {
            return false;
        }
        set.add("updated_at = :now");
        params.put("now", now());
        params.put("id", id);
        jdbc.sql("UPDATE account SET " + set + " WHERE id = :id").params(params).update();
        audit(id, actor, action, ruleId, oldValues, newValues, details);
        return true;
    }

    /** Replaces the administrators of an account (ACC-3), audited when the list differs. */
    @Transactional
    public boolean replaceAdministrators(long id, List<String> names, String actor, String action, String ruleId) {
        List<String> before = administrators(id);
        if (before.equals(names)) {
            return false;
        }
        jdbc.sql("DELETE FROM account_administrator WHERE account_id = ?").param(id).update();
        writeAdministrators(id, names);
        jdbc.sql("UPDATE account SET updated_at = ? WHERE id = ?").params(now(), id).update();
        audit(id, actor, action, ruleId, Map.of("administrators", before), Map.of("administrators", names), null);
        return true;
    }

    private void writeAdministrators(long id, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            jdbc.sql("INSERT INTO account_administrator (account_id, sort_order, name) VALUES (?, ?, ?)")
                    .params(id, i, names.get(i)).update();
        }
    }

    public List<String> administrators(long id) {
        return jdbc.sql("SELECT name FROM account_administrator WHERE account_id = ? ORDER BY sort_order, id")
                .param(id).query(String.class).list();
    }

    /**
     * Marks a request of {@code kind} as under way, unless another one is.
     *
     * @return false when the account already has a request under way
     */
    public boolean claimPendingRequest(long id, String kind) {
        return jdbc.sql("UPDATE account SET pending_request = ? WHERE id = ? AND pending_request IS NULL")
                .params(kind, id).update() == 1;
    }

    public void clearPendingRequest(long id) {
        jdbc.sql("UPDATE account SET pending_request = NULL WHERE id = ?").param(id).update();
    }

    public void linkProcess(long id, String processInstanceId) {
        jdbc.sql("UPDATE account SET process_instance_id = ? WHERE id = ?").params(processInstanceId, id).update();
    }

    // ---- audit ----

    /** Appends an audit event; values are JSON objects of field name → value. */
    public void audit(long accountId, String actor, String action, String ruleId, Map<String, ?> oldValues,
                      Map<String, ?> newValues, String details) {
        jdbc.sql("""
                        INSERT INTO account_audit (account_id, actor, action, occurred_at, rule_id, old_values,
                            new_values, details)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(accountId, actor == null ? "system" : actor, action, now(), ruleId, toJson(oldValues),
                        toJson(newValues), details == null ? null : truncate(details, 2000))
                .update();
    }

    public List<AccountAuditEvent> audit(long accountId) {
        return jdbc.sql("SELECT id, account_id, actor, action, occurred_at, rule_id, old_values, new_values, details "
                        + "FROM account_audit WHERE account_id = ? ORDER BY occurred_at, id")
                .param(accountId)
                .query((rs, n) -> new AccountAuditEvent(rs.getLong("id"), rs.getLong("account_id"), rs.getString("actor"),
                        rs.getString("action"), instant(rs, "occurred_at"), rs.getString("rule_id"),
                        rs.getString("old_values"), rs.getString("new_values"), rs.getString("details")))
                .list();
    }

    /** The public and security fields of an entry as an audit value. */
    static Map<String, Object> describe(Account a) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field field : Field.values()) {
            Object value = jsonValue(field.get(a));
            if (value != null) {
                values.put(field.key(), value);
            }
        }
        if (a.externalId() != null) {
            values.put(Field.EXTERNAL_ID.key(), a.externalId());
        }
        values.put("administrators", a.administrators());
        return values;
    }

    // ---- reports (ACC-4, ACC-14) ----

    /** A report to make, due at {@code dueAt} (null: no term). */
    public long createReport(long accountId, String organization, AccountReport.ReportKind kind, LocalDate eventOn,
                             Instant dueAt, String recipient, String recipientOrganization, String processInstanceId) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO account_report (account_id, organization_id, kind, event_on, due_at, recipient,
                            recipient_org_id, late, process_instance_id)
                        VALUES (:account, :org, :kind, :eventOn, :due, :recipient, :recipientOrg, FALSE, :pid)""")
                .param("account", accountId)
                .param("org", organization)
                .param("kind", kind.name())
                .param("eventOn", sqlDate(eventOn))
                .param("due", dueAt == null ? null : utc(dueAt))
                .param("recipient", recipient)
                .param("recipientOrg", recipientOrganization)
                .param("pid", processInstanceId)
                .update(keys, "id");
        return Objects.requireNonNull(keys.getKey()).longValue();
    }

    public Optional<AccountReport> report(long reportId) {
        return jdbc.sql("SELECT " + REPORT_COLUMNS + " FROM account_report WHERE id = ?").param(reportId)
                .query(AccountRegistry::report).optional();
    }

    public List<AccountReport> reports(long accountId) {
        return jdbc.sql("SELECT " + REPORT_COLUMNS + " FROM account_report WHERE account_id = ? ORDER BY id")
                .param(accountId).query(AccountRegistry::report).list();
    }

    /** ACC-4: the report was made at {@code at}; late when after its term. Only the first call counts. */
    public boolean markReported(long reportId, Instant at, String by, String reference) {
        return jdbc.sql("""
                        UPDATE account_report SET reported_at = :at, reported_by = :by, reference = :reference,
                            late = CASE WHEN due_at IS NOT NULL AND due_at < :at THEN TRUE ELSE FALSE END
                        WHERE id = :id AND reported_at IS NULL""")
                .param("at", utc(at)).param("by", by).param("reference", reference).param("id", reportId)
                .update() == 1;
    }

    /** ACC-4: the term passed without the report; it is late whenever it comes. */
    public void markEscalated(long reportId, Instant at) {
        jdbc.sql("UPDATE account_report SET escalated_at = ?, late = TRUE WHERE id = ? AND escalated_at IS NULL")
                .params(utc(at), reportId).update();
    }

    /** ACC-13: links the recipient's case once; false when a case already took the report. */
    public boolean linkRecipientProcess(long reportId, String processInstanceId) {
        return jdbc.sql("UPDATE account_report SET recipient_process_instance_id = ? WHERE id = ? "
                        + "AND recipient_process_instance_id IS NULL")
                .params(processInstanceId, reportId).update() == 1;
    }

    /** ACC-13: the recipient entered the report in the consolidated registry. */
    public void markEntered(long reportId, Instant at, String by) {
        jdbc.sql("UPDATE account_report SET entered_at = ?, entered_by = ? WHERE id = ?")
                .params(utc(at), by, reportId).update();
    }

    // ---- violations ----

    /** Records a breached term once per account, kind and due date; false when already recorded. */
    public boolean recordViolation(long accountId, String organization, AccountViolation.Kind kind, String ruleId,
                                   String responsible, Instant dueAt, Instant now) {
        int exists = jdbc.sql("SELECT COUNT(*) FROM account_violation WHERE account_id = ? AND kind = ? AND due_at = ?")
                .params(accountId, kind.name(), utc(dueAt)).query(Integer.class).single();
        if (exists > 0) {
            return false;
        }
        jdbc.sql("""
                        INSERT INTO account_violation (account_id, organization_id, kind, rule_id, responsible, due_at,
                            recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(accountId, organization, kind.name(), ruleId, truncate(responsible, 1000), utc(dueAt), utc(now))
                .update();
        return true;
    }

    public List<AccountViolation> violations(long accountId) {
        return jdbc.sql("SELECT id, account_id, organization_id, kind, rule_id, responsible, due_at, recorded_at "
                        + "FROM account_violation WHERE account_id = ? ORDER BY recorded_at, id")
                .param(accountId)
                .query((rs, n) -> new AccountViolation(rs.getLong("id"), rs.getLong("account_id"),
                        rs.getString("organization_id"), AccountViolation.Kind.valueOf(rs.getString("kind")),
                        rs.getString("rule_id"), rs.getString("responsible"), instant(rs, "due_at"),
                        instant(rs, "recorded_at")))
                .list();
    }

    // ---- security reviews (ACC-3) ----

    public long openReview(long accountId, String organization, Instant requestedAt, String processInstanceId) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO account_security_review (account_id, organization_id, status, requested_at, overdue,
                            process_instance_id)
                        VALUES (:account, :org, :status, :at, FALSE, :pid)""")
                .param("account", accountId).param("org", organization).param("status", SecurityReview.OPEN)
                .param("at", utc(requestedAt)).param("pid", processInstanceId)
                .update(keys, "id");
        return Objects.requireNonNull(keys.getKey()).longValue();
    }

    public boolean hasOpenReview(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM account_security_review WHERE account_id = ? AND status = ?")
                .params(accountId, SecurityReview.OPEN).query(Integer.class).single() > 0;
    }

    public void setReviewDue(long reviewId, Instant dueAt) {
        jdbc.sql("UPDATE account_security_review SET due_at = ? WHERE id = ?")
                .params(dueAt == null ? null : utc(dueAt), reviewId).update();
    }

    public void markReviewOverdue(long reviewId) {
        jdbc.sql("UPDATE account_security_review SET overdue = TRUE WHERE id = ?").param(reviewId).update();
    }

    /** A finding to record. */
    public record NewFinding(SecurityReview.FindingKind kind, String ruleId, String details) {
    }

    public void completeReview(long reviewId, Instant at, String reviewer, boolean twoFactorEnabled,
                               boolean administratorsConfirmed, LocalDate credentialsRotatedOn,
                               List<NewFinding> findings) {
        SecurityReview review = review(reviewId).orElseThrow();
        jdbc.sql("""
                        UPDATE account_security_review SET status = :status, completed_at = :at, reviewer = :reviewer,
                            two_factor_enabled = :twoFactor, administrators_confirmed = :admins,
                            credentials_rotated_on = :rotated
                        WHERE id = :id""")
                .param("status", SecurityReview.COMPLETED).param("at", utc(at)).param("reviewer", reviewer)
                .param("twoFactor", twoFactorEnabled).param("admins", administratorsConfirmed)
                .param("rotated", sqlDate(credentialsRotatedOn)).param("id", reviewId)
                .update();
        for (NewFinding finding : findings) {
            jdbc.sql("""
                            INSERT INTO account_security_finding (review_id, account_id, kind, rule_id, details,
                                recorded_at)
                            VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(reviewId, review.accountId(), finding.kind().name(), finding.ruleId(),
                            truncate(finding.details(), 2000), utc(at))
                    .update();
        }
    }

    public Optional<SecurityReview> review(long reviewId) {
        return jdbc.sql("SELECT " + REVIEW_COLUMNS + " FROM account_security_review WHERE id = ?").param(reviewId)
                .query(this::reviewRow).optional();
    }

    public List<SecurityReview> reviews(long accountId) {
        return jdbc.sql("SELECT " + REVIEW_COLUMNS + " FROM account_security_review WHERE account_id = ? ORDER BY id")
                .param(accountId).query(this::reviewRow).list();
    }

    private SecurityReview reviewRow(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        List<SecurityReview.Finding> findings = jdbc.sql("SELECT id, kind, rule_id, details, recorded_at "
                        + "FROM account_security_finding WHERE review_id = ? ORDER BY id")
                .param(id)
                .query((f, i) -> new SecurityReview.Finding(f.getLong("id"),
                        SecurityReview.FindingKind.valueOf(f.getString("kind")), f.getString("rule_id"),
                        f.getString("details"), instant(f, "recorded_at")))
                .list();
        return new SecurityReview(id, rs.getLong("account_id"), rs.getString("organization_id"), rs.getString("status"),
                instant(rs, "requested_at"), instant(rs, "due_at"), instant(rs, "completed_at"), rs.getString("reviewer"),
                nullableBoolean(rs, "two_factor_enabled"), nullableBoolean(rs, "administrators_confirmed"),
                localDate(rs, "credentials_rotated_on"), rs.getBoolean("overdue"), rs.getString("process_instance_id"),
                findings);
    }

    // ---- mapping ----

    private static Account account(ResultSet rs, int n) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("organization_id"), Network.valueOf(rs.getString("network")),
                rs.getString("url"), rs.getString("display_name"), rs.getString("external_id"), rs.getString("purpose"),
                AccountStatus.valueOf(rs.getString("status")), localDate(rs, "created_on"), localDate(rs, "deleted_on"),
                rs.getBoolean("text_description"), rs.getBoolean("designed_visuals"), rs.getBoolean("official_page"),
                List.of(), rs.getBoolean("two_factor_enabled"), localDate(rs, "last_credential_rotation"),
                rs.getString("security_owner"), localDate(rs, "last_security_review"), localDate(rs, "consolidated_on"),
                rs.getString("source"), rs.getString("pending_request"), rs.getString("process_instance_id"),
                rs.getString("registered_by"), instant(rs, "registered_at"), instant(rs, "updated_at"));
    }

    private static AccountReport report(ResultSet rs, int n) throws SQLException {
        return new AccountReport(rs.getLong("id"), rs.getLong("account_id"), rs.getString("organization_id"),
                AccountReport.ReportKind.valueOf(rs.getString("kind")), localDate(rs, "event_on"), instant(rs, "due_at"),
                rs.getString("recipient"), rs.getString("recipient_org_id"), instant(rs, "reported_at"),
                rs.getString("reported_by"), rs.getString("reference"), rs.getBoolean("late"),
                instant(rs, "escalated_at"), rs.getString("process_instance_id"),
                rs.getString("recipient_process_instance_id"), instant(rs, "entered_at"), rs.getString("entered_by"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date value = rs.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    private static Boolean nullableBoolean(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    private static Object sqlValue(Object value) {
        if (value instanceof LocalDate date) {
            return Date.valueOf(date);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value;
    }

    private static Object jsonValue(Object value) {
        if (value instanceof LocalDate || value instanceof Enum<?>) {
            return value.toString();
        }
        return value;
    }

    private String toJson(Map<String, ?> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        try {
            return truncate(json.writeValueAsString(values), 10000);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Date sqlDate(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static OffsetDateTime now() {
        return utc(ClockUtil.getCurrentTime().toInstant());
    }
}
