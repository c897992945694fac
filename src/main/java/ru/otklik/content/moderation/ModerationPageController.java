package ru.otklik.content.moderation;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import ru.otklik.account.Account;
import ru.otklik.account.AccountRegistry;
import ru.otklik.account.AccountStatus;
import ru.otklik.organization.OrganizationPolicies;
import ru.otklik.organization.OrganizationPolicy;
import ru.otklik.organization.UnknownOrganizationException;
import ru.otklik.security.CurrentStaff;
import ru.otklik.web.InvalidFieldException;
import ru.otklik.web.NotFoundException;
import ru.otklik.web.StaffPages;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /moderation?org=nkr}: the moderation form for a comment found on one of the organization's accounts
 * (ACC-10) and the organization's recent moderation log, as a simple page in Russian. The POST goes through the
 * same path as {@code POST /api/moderation} ({@link ModerationController}: roles and field checks) into
 * {@link ModerationLog}, which holds the rules (e.g. the mandatory blacklist); this class only renders and shows
 * their errors on the page. Login, the same-origin check of the POST and escaping as in {@link StaffPages}.
 */
@Controller
class ModerationPageController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final int RECENT = 50;
    private static final Map<String, String> FIELDS = Map.of("accountId", "Аккаунт", "commentUrl",
            "Ссылка на комментарий", "authorId", "Автор (идентификатор в сети)", "authorName", "Имя автора",
            "reason", "Основание", "actions", "Что сделано", "notes", "Примечание");

    private final ModerationController api;
    private final ModerationLog moderationLog;
    private final AccountRegistry accounts;
    private final OrganizationPolicies policies;

    ModerationPageController(ModerationController api, ModerationLog moderationLog, AccountRegistry accounts,
                             OrganizationPolicies policies) {
        this.api = api;
        this.moderationLog = moderationLog;
        this.accounts = accounts;
        this.policies = policies;
    }

    /** What the form shows again after an error. */
    private record Form(String accountId, String commentUrl, String authorId, String reason, List<String> actions,
                        String notes) {
        static final Form EMPTY = new Form("", "", "", "", List.of(), "");
    }

    @GetMapping(path = "/moderation", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@RequestParam(required = false) String org) {
        return render(org, HttpStatus.OK, null, Form.EMPTY);
    }

    @PostMapping(path = "/moderation", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> moderate(HttpServletRequest request, @RequestParam(required = false) String org,
                                    @RequestParam(required = false) String accountId,
                                    @RequestParam(required = false) String commentUrl,
                                    @RequestParam(required = false) String authorId,
                                    @RequestParam(required = false) String reason,
                                    @RequestParam(required = false) List<String> actions,
                                    @RequestParam(required = false) String notes) {
        if (!StaffPages.sameOrigin(request)) {
            return message(HttpStatus.FORBIDDEN, "Запрос отклонён: форма отправлена не со страницы модерации. "
                    + "Откройте страницу модерации и повторите.");
        }
        List<String> marks = actions == null ? List.of() : actions;
        Form form = new Form(accountId, commentUrl, authorId, reason, marks, notes);
        try {
            api.moderate(new ModerationRequest(account(accountId), commentUrl, authorId, null,
                    ModerationLog.trimToNull(reason), marks.isEmpty() ? null : marks, notes));
        } catch (InvalidFieldException e) {
            return render(org, HttpStatus.BAD_REQUEST, text(e), form);
        } catch (NotFoundException e) {
            return render(org, HttpStatus.NOT_FOUND, "Аккаунт не найден в реестре вашей организации.", form);
        } catch (UnknownOrganizationException e) {
            return message(HttpStatus.NOT_FOUND, "Организация не найдена.");
        } catch (AccessDeniedException e) {
            return render(org, HttpStatus.FORBIDDEN, "Записывать модерацию могут ответственный за аккаунты, "
                    + "специалист, координатор и замещающий его сотрудник.", form);
        }
        return StaffPages.seeOther(UriComponentsBuilder.fromPath("/moderation").queryParam("org", org).encode()
                .build().toUri());
    }

    private static Long account(String value) {
        String text = ModerationLog.trimToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("accountId", "accountId: выберите аккаунт из списка");
        }
    }

    private ResponseEntity<String> render(String org, HttpStatus status, String error, Form form) {
        OrganizationPolicy policy;
        List<Account> active;
        List<ModerationEntry> recent;
        try {
            if (ModerationLog.trimToNull(org) == null) {
                throw new UnknownOrganizationException(String.valueOf(org));
            }
            policy = policies.get(org);
            CurrentStaff.get().requireOrganization(org);
            active = accounts.list(List.of(org), null, AccountStatus.ACTIVE);
            List<ModerationEntry> all = moderationLog.list(org, null, null);
            recent = new ArrayList<>(all.subList(Math.max(0, all.size() - RECENT), all.size()));
            Collections.reverse(recent);
        } catch (UnknownOrganizationException e) {
            return message(HttpStatus.NOT_FOUND, "Организация не найдена. Укажите её в адресе: /moderation?org=…");
        } catch (AccessDeniedException e) {
            return message(HttpStatus.FORBIDDEN, "Журнал модерации доступен только сотрудникам организации.");
        }
        ZoneId zone = policy.zone();
        StringBuilder html = new StringBuilder(8192);
        head(html, "Модерация комментариев: " + policy.shortName());
        html.append("<p class=\"lead\">Комментарий на аккаунте организации удалён или его автор внесён в чёрный "
                + "список — запишите это в журнал модерации с основанием.")
                .append(policy.blacklistMandatory() ? " Для этой организации внесение автора в чёрный список "
                        + "обязательно." : "").append("</p>\n");
        if (error != null) {
            html.append("<p class=\"error\" role=\"alert\">").append(e(error)).append("</p>\n");
        }
        form(html, org, active, form);
        log(html, recent, zone);
        html.append("</main>\n</body>\n</html>\n");
        return StaffPages.respond(status, html.toString());
    }

    private static void form(StringBuilder html, String org, List<Account> active, Form form) {
        html.append("<form class=\"add\" method=\"post\" action=\"/moderation\">\n")
                .append("<input type=\"hidden\" name=\"org\" value=\"").append(e(org)).append("\">\n")
                .append("<label>Аккаунт <select name=\"accountId\" required>\n<option value=\"\"></option>\n");
        for (Account account : active) {
            String id = String.valueOf(account.id());
            html.append("<option value=\"").append(id).append('"')
                    .append(id.equals(ModerationLog.trimToNull(form.accountId())) ? " selected" : "").append('>')
                    .append(e(account.displayName())).append(" — ").append(e(account.url())).append("</option>\n");
        }
        html.append("</select></label>\n")
                .append("<label>Ссылка на комментарий <input type=\"url\" name=\"commentUrl\" required value=\"")
                .append(e(form.commentUrl())).append("\"></label>\n")
                .append("<label>Автор (идентификатор в сети) <input name=\"authorId\" required value=\"")
                .append(e(form.authorId())).append("\"></label>\n")
                .append("<label>Основание <select name=\"reason\" required>\n<option value=\"\"></option>\n");
        for (ModerationReason reason : ModerationReason.values()) {
            html.append("<option value=\"").append(reason.name()).append('"')
                    .append(reason.name().equalsIgnoreCase(form.reason()) ? " selected" : "").append('>')
                    .append(e(capitalized(reason.title()))).append("</option>\n");
        }
        html.append("</select></label>\n<fieldset><legend>Что сделано</legend>\n");
        checkbox(html, ModerationAction.DELETED, form);
        checkbox(html, ModerationAction.AUTHOR_BLACKLISTED, form);
        html.append("</fieldset>\n<label>Примечание <textarea name=\"notes\" rows=\"2\">").append(e(form.notes()))
                .append("</textarea></label>\n<button type=\"submit\">Записать</button>\n</form>\n");
    }

    private static void checkbox(StringBuilder html, ModerationAction action, Form form) {
        boolean checked = form.actions().stream().anyMatch(a -> action.name().equalsIgnoreCase(a));
        html.append("<label class=\"check\"><input type=\"checkbox\" name=\"actions\" value=\"").append(action.name())
                .append('"').append(checked ? " checked" : "").append("> ").append(e(capitalized(action.title())))
                .append("</label>\n");
    }

    private static void log(StringBuilder html, List<ModerationEntry> recent, ZoneId zone) {
        html.append("<h2>Журнал модерации</h2>\n");
        if (recent.isEmpty()) {
            html.append("<p class=\"empty\">Записей пока нет.</p>\n");
            return;
        }
        html.append("<table>\n<thead><tr><th>Когда</th><th>Сеть</th><th>Автор</th><th>Комментарий</th>")
                .append("<th>Основание</th><th>Что сделано</th><th>Кто</th><th>Примечание</th></tr></thead>\n<tbody>\n");
        for (ModerationEntry entry : recent) {
            html.append("<tr><td>").append(entry.moderatedAt() == null ? ""
                            : e(entry.moderatedAt().atZone(zone).format(TIME)))
                    .append("</td><td>").append(e(entry.network().name()))
                    .append("</td><td>").append(e(entry.authorId()))
                    .append(entry.authorName() == null ? "" : " (" + e(entry.authorName()) + ")")
                    .append("</td><td>").append(e(entry.commentUrl()))
                    .append("</td><td>").append(e(entry.reasonTitle()))
                    .append("</td><td>").append(e(entry.actionTitle()))
                    .append("</td><td>").append(e(entry.moderatedBy()))
                    .append("</td><td>").append(e(entry.notes())).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    /** The service's message without its field prefix, with the field's Russian label. */
    private static String text(InvalidFieldException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String prefix = e.field() + ": ";
        if (message.startsWith(prefix)) {
            message = message.substring(prefix.length());
        }
        String label = FIELDS.get(e.field());
        return label == null ? message : "«" + label + "»: " + message;
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static ResponseEntity<String> message(HttpStatus status, String text) {
        StringBuilder html = new StringBuilder(1024);
        head(html, "Модерация комментариев");
        html.append("<p class=\"error\" role=\"alert\">").append(e(text)).append("</p>\n</main>\n</body>\n</html>\n");
        return StaffPages.respond(status, html.toString());
    }

    private static void head(StringBuilder html, String title) {
        html.append("<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(e(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n")
                .append("</head>\n<body>\n<main>\n<h1>").append(e(title)).append("</h1>\n");
    }

    private static String e(String value) {
        return StaffPages.escape(value);
    }

    private static final String STYLE = """
            *{box-sizing:border-box}
            body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1d2733;background:#f5f7fa;line-height:1.45}
            main{max-width:1100px;margin:0 auto;padding:16px}
            h1{font-size:1.5rem;margin:.5rem 0 1rem}
            h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
            .lead,.empty{color:#4a5868}
            .error{color:#a8071a;font-weight:600}
            table{width:100%;border-collapse:collapse;background:#fff;border:1px solid #d8dee6}
            th,td{text-align:left;padding:8px 10px;border-bottom:1px solid #e6eaef;word-break:break-word}
            th{background:#eef2f6}
            .add{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:flex-end;background:#fff;padding:12px;border:1px solid #d8dee6;border-radius:8px}
            .add label{display:flex;flex-direction:column;font-size:.9rem;gap:4px}
            .add label.check{flex-direction:row;align-items:center}
            fieldset{border:1px solid #d8dee6;border-radius:6px}
            input,select,textarea,button{font:inherit;padding:6px 8px;min-height:40px}
            button{background:#0b5cad;color:#fff;border:0;border-radius:6px;padding:6px 16px}
            """;
}
