package ru.otklik.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** What the staff API answers about accounts; instants carry the organization's offset. */
final class AccountViews {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AccountViews() {
    }

    /** {@code 201} of a request: the entry and the case working on it. */
    record Receipt(long id, String organization, String network, String url, String status, String statusTitle,
                   String pendingRequest, String processInstanceId) {

        static Receipt of(AccountRequests.Started started) {
            Account a = started.account();
            return new Receipt(a.id(), a.organization(), a.network().name(), a.url(), a.status().name(),
                    a.status().title(), a.pendingRequest(), started.processInstanceId());
        }
    }

    /** A line of {@code GET /api/accounts}. */
    record Summary(long id, String organization, String network, String networkTitle, String url, String displayName,
                   String purpose, String status, String statusTitle, LocalDate createdOn, LocalDate deletedOn,
                   boolean officialPage, String pendingRequest) {

        static Summary of(Account a) {
            return new Summary(a.id(), a.organization(), a.network().name(), NetworkDomains.title(a.network()), a.url(),
                    a.displayName(), a.purpose(), a.status().name(), a.status().title(), a.createdOn(), a.deletedOn(),
                    a.officialPage(), a.pendingRequest());
        }
    }

    /** {@code GET /api/accounts/{id}}: the whole entry with its audit trail, reports, reviews and violations. */
    record Detail(long id, String organization, String network, String networkTitle, String url, String displayName,
                  String externalId, String purpose, String status, String statusTitle, LocalDate createdOn,
                  LocalDate deletedOn, boolean textDescription, boolean designedVisuals, boolean officialPage,
                  List<String> administrators, boolean twoFactorEnabled, LocalDate lastCredentialRotation,
                  String securityOwner, LocalDate lastSecurityReview, LocalDate consolidatedOn, String source,
                  String pendingRequest, String processInstanceId, String registeredBy, OffsetDateTime registeredAt,
                  OffsetDateTime updatedAt, List<Audit> audit, List<Report> reports, List<Review> securityReviews,
                  List<Violation> violations) {

        static Detail of(Account a, List<AccountAuditEvent> audit, List<AccountReport> reports,
                         List<SecurityReview> reviews, List<AccountViolation> violations, ZoneId zone) {
            return new Detail(a.id(), a.organization(), a.network().name(), NetworkDomains.title(a.network()), a.url(),
                    a.displayName(), a.externalId(), a.purpose(), a.status().name(), a.status().title(), a.createdOn(),
                    a.deletedOn(), a.textDescription(), a.designedVisuals(), a.officialPage(), a.administrators(),
                    a.twoFactorEnabled(), a.lastCredentialRotation(), a.securityOwner(), a.lastSecurityReview(),
                    a.consolidatedOn(), a.source(), a.pendingRequest(), a.processInstanceId(), a.registeredBy(),
                    at(a.registeredAt(), zone), at(a.updatedAt(), zone),
                    audit.stream().map(e -> Audit.of(e, zone)).toList(),
                    reports.stream().map(r -> Report.of(r, zone)).toList(),
                    reviews.stream().map(r -> Review.of(r, zone)).toList(),
                    violations.stream().map(v -> new Violation(v.kind().name(), v.ruleId(), v.responsible(),
                            at(v.dueAt(), zone), at(v.recordedAt(), zone))).toList());
        }
    }

    /** An audit event: who, what, when, the old and new values, the rule. */
    record Audit(OffsetDateTime occurredAt, String actor, String action, String ruleId, JsonNode oldValues, JsonNode newValues,
                 String details) {

        static Audit of(AccountAuditEvent e, ZoneId zone) {
            return new Audit(at(e.occurredAt(), zone), e.actor(), e.action(), e.ruleId(), json(e.oldValues()),
                    json(e.newValues()), e.details());
        }
    }

    record Report(long id, String kind, String kindTitle, LocalDate eventOn, OffsetDateTime dueAt, String recipient,
                  String recipientOrganization, OffsetDateTime reportedAt, String reportedBy, String reference,
                  boolean late, OffsetDateTime escalatedAt, OffsetDateTime enteredAt, String enteredBy) {

        static Report of(AccountReport r, ZoneId zone) {
            return new Report(r.id(), r.kind().name(), r.kind().title(), r.eventOn(), at(r.dueAt(), zone), r.recipient(),
                    r.recipientOrganization(), at(r.reportedAt(), zone), r.reportedBy(), r.reference(), r.late(),
                    at(r.escalatedAt(), zone), at(r.enteredAt(), zone), r.enteredBy());
        }
    }

    record Review(long id, String status, OffsetDateTime requestedAt, OffsetDateTime dueAt, OffsetDateTime completedAt,
                  String reviewer, Boolean twoFactorEnabled, Boolean administratorsConfirmed,
                  LocalDate credentialsRotatedOn, boolean overdue, List<Finding> findings) {

        static Review of(SecurityReview r, ZoneId zone) {
            return new Review(r.id(), r.status(), at(r.requestedAt(), zone), at(r.dueAt(), zone),
                    at(r.completedAt(), zone), r.reviewer(), r.twoFactorEnabled(), r.administratorsConfirmed(),
                    r.credentialsRotatedOn(), r.overdue(), r.findings().stream()
                    .map(f -> new Finding(f.kind().name(), f.kind().title(), f.ruleId(), f.details())).toList());
        }
    }

    record Finding(String kind, String kindTitle, String ruleId, String details) {
    }

    record Violation(String kind, String ruleId, String responsible, OffsetDateTime dueAt, OffsetDateTime recordedAt) {
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    private static JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }
}
