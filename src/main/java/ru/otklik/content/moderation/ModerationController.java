package ru.otklik.content.moderation;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ru.otklik.organization.OrganizationPolicies;
import ru.otklik.organization.Role;
import ru.otklik.security.CurrentStaff;
import ru.otklik.security.Staff;
import ru.otklik.web.InvalidFieldException;
import ru.otklik.web.NotFoundException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * Staff API of the moderation log and the blacklists (ACC-10). An account or an organization of which the caller
 * is not staff answers 404 (account) or 403 (organization); an invalid request 400 naming the field.
 */
@RestController
class ModerationController {

    private final ModerationLog moderationLog;
    private final OrganizationPolicies policies;

    ModerationController(ModerationLog moderationLog, OrganizationPolicies policies) {
        this.moderationLog = moderationLog;
        this.policies = policies;
    }

    /** Records a moderation of a comment found on an account; 201 with the log's row. */
    @PostMapping("/api/moderation")
    @ResponseStatus(HttpStatus.CREATED)
    ModerationEntry moderate(@RequestBody(required = false) ModerationRequest request) {
        Staff staff = CurrentStaff.get();
        if (request == null) {
            throw new InvalidFieldException("accountId", "accountId: укажите аккаунт");
        }
        if (request.accountId() == null) {
            throw new InvalidFieldException("accountId", "accountId: укажите аккаунт из реестра аккаунтов");
        }
        ModerationLog.AccountRow account = visibleAccount(request.accountId(), staff);
        staff.requireRole(account.organization(), Role.ACCOUNT_MANAGER, Role.SPECIALIST, Role.COORDINATOR,
                Role.COORDINATOR_SUBSTITUTE);
        if (ModerationLog.trimToNull(request.commentUrl()) == null) {
            throw new InvalidFieldException("commentUrl", "commentUrl: укажите ссылку на комментарий");
        }
        String url = request.commentUrl().trim();
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            throw new InvalidFieldException("commentUrl", "commentUrl: ссылка должна начинаться с http:// или https://");
        }
        if (ModerationLog.trimToNull(request.authorId()) == null) {
            throw new InvalidFieldException("authorId", "authorId: укажите идентификатор автора в сети");
        }
        ModerationReason reason = null;
        if (request.reason() != null) {
            reason = ModerationReason.parse(request.reason()).filter(r -> r.name().equalsIgnoreCase(request.reason().trim()))
                    .orElseThrow(() -> new InvalidFieldException("reason", "reason: допустимы LAW_VIOLATION, SPAM, "
                            + "INSULT, OBSCENITY, THREAT"));
        }
        ModerationAction action = action(request.actions());
        return moderationLog.record(new NewModeration(account.organization(), account.network(), account.id(), null,
                url, request.authorId(), request.authorName(), reason, action, request.notes(), staff.userId(),
                Instant.now()));
    }

    /** The log of an organization, oldest first; {@code from} inclusive, {@code to} exclusive. */
    @GetMapping("/api/moderation")
    List<ModerationEntry> log(@RequestParam(required = false) String org, @RequestParam(required = false) String from,
                              @RequestParam(required = false) String to) {
        Staff staff = CurrentStaff.get();
        if (ModerationLog.trimToNull(org) == null) {
            throw new InvalidFieldException("org", "org: укажите организацию");
        }
        ZoneId zone = policies.get(org.trim()).zone();
        staff.requireOrganization(org.trim());
        Instant fromInstant = instant(from, "from", zone);
        Instant toInstant = instant(to, "to", zone);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            throw new InvalidFieldException("to", "to: должно быть позже from");
        }
        return moderationLog.list(org.trim(), fromInstant, toInstant);
    }

    /** The blacklist of an account (ACC-10). */
    @GetMapping("/api/accounts/{id}/blacklist")
    List<BlacklistEntry> blacklist(@PathVariable long id) {
        visibleAccount(id, CurrentStaff.get());
        return moderationLog.blacklist(id);
    }

    private ModerationLog.AccountRow visibleAccount(long id, Staff staff) {
        return moderationLog.account(id).filter(a -> staff.belongsTo(a.organization()))
                .orElseThrow(() -> new NotFoundException("Аккаунт " + id + " не найден"));
    }

    private static ModerationAction action(List<String> actions) {
        if (actions == null || actions.isEmpty()) {
            return null;
        }
        boolean deleted = false;
        boolean blacklisted = false;
        for (String value : actions) {
            String name = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
            switch (name) {
                case "DELETED" -> deleted = true;
                case "AUTHOR_BLACKLISTED" -> blacklisted = true;
                case "DELETED_AND_BLACKLISTED" -> {
                    deleted = true;
                    blacklisted = true;
                }
                default -> throw new InvalidFieldException("actions", "actions: допустимы DELETED, AUTHOR_BLACKLISTED");
            }
        }
        return ModerationAction.of(deleted, blacklisted);
    }

    /** ISO-8601 date-time with offset, or a date (its start in the organization's time zone). */
    private static Instant instant(String value, String field, ZoneId zone) {
        String text = ModerationLog.trimToNull(value);
        if (text == null) {
            return null;
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidFieldException(field, field + ": ожидается дата (2026-11-23) или дата и время со "
                    + "смещением (2026-11-23T10:00:00+07:00)");
        }
    }
}
