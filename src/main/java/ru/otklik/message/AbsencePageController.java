package ru.otklik.message;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;
import ru.otklik.organization.OrganizationPolicies;
import ru.otklik.organization.OrganizationPolicy;
import ru.otklik.organization.Role;
import ru.otklik.organization.UnknownOrganizationException;
import ru.otklik.security.CurrentStaff;
import ru.otklik.security.Staff;
import ru.otklik.system.EngineChecks;
import ru.otklik.web.InvalidFieldException;
import ru.otklik.web.NotFoundException;
import ru.otklik.web.StaffPages;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /absences?org=zags}: the absence register (MSG-3, MSG-8) as a simple page in Russian. Everyone of the
 * organization reads the current and future absences; the coordinator, the substitute and administrators add and
 * remove them with plain HTML forms. All rules stay in {@link AbsenceRegister}; this class only renders and maps
 * its errors to messages on the page.
 *
 * <p>Login is HTTP Basic in the API security chain ({@code SecurityConfig}). That chain is stateless and has no
 * CSRF tokens, yet a browser re-sends cached Basic credentials with any request to this host, so a foreign site
 * could submit a form here. The form POSTs are therefore protected by a same-origin check instead of a token:
 * a POST is refused when its {@code Origin} (or, without it, {@code Referer}) names another host or port, or when
 * {@code Sec-Fetch-Site} is present and not {@code same-origin}. Browsers send {@code Origin} on every POST and
 * page scripts cannot forge these headers; clients that send none of them (curl) are not browsers acting on a
 * user's behalf.
 *
 * <p>Built without a template engine like {@code PublicRegistryPageController}: every value goes through
 * {@link HtmlUtils#htmlEscape}, and the page runs no scripts (Content-Security-Policy).
 */
@Controller
class AbsencePageController {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final Map<String, String> FIELDS = Map.of("userId", "Сотрудник", "from", "С", "to", "По",
            "reason", "Причина", "org", "Организация");

    private final AbsenceRegister absences;
    private final OrganizationPolicies policies;
    private final IdentityService identity;

    AbsencePageController(AbsenceRegister absences, OrganizationPolicies policies, IdentityService identity) {
        this.absences = absences;
        this.policies = policies;
        this.identity = identity;
    }

    /** What the add form shows again after an error. */
    private record Form(String userId, String from, String to, String reason) {
        static final Form EMPTY = new Form("", "", "", "");
    }

    @GetMapping(path = "/absences", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@RequestParam(required = false) String org) {
        return render(org, HttpStatus.OK, null, Form.EMPTY);
    }

    @PostMapping(path = "/absences", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> add(HttpServletRequest request, @RequestParam(required = false) String org,
                               @RequestParam(required = false) String userId,
                               @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String reason) {
        if (!sameOrigin(request)) {
            return crossOrigin();
        }
        Form form = new Form(userId, from, to, reason);
        try {
            absences.add(new AbsenceRequest(org, userId, date(from, "from"), date(to, "to"), reason), CurrentStaff.get());
        } catch (InvalidFieldException e) {
            return render(org, HttpStatus.BAD_REQUEST, field(e) + e.getMessage(), form);
        } catch (UnknownOrganizationException e) {
            return message(HttpStatus.NOT_FOUND, "Организация не найдена.");
        } catch (AccessDeniedException e) {
            return render(org, HttpStatus.FORBIDDEN, "Вести реестр отсутствий могут координатор, замещающий его "
                    + "сотрудник и администраторы.", form);
        }
        return backToPage(org);
    }

    @PostMapping(path = "/absences/{id:\\d{1,18}}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> delete(HttpServletRequest request, @PathVariable long id,
                                  @RequestParam(required = false) String org) {
        if (!sameOrigin(request)) {
            return crossOrigin();
        }
        try {
            absences.delete(id, CurrentStaff.get());
        } catch (NotFoundException e) {
            return render(org, HttpStatus.NOT_FOUND, "Запись об отсутствии не найдена: возможно, её уже удалили.",
                    Form.EMPTY);
        } catch (AccessDeniedException e) {
            return render(org, HttpStatus.FORBIDDEN, "Удалять записи об отсутствии могут координатор, замещающий "
                    + "его сотрудник и администраторы.", Form.EMPTY);
        }
        return backToPage(org);
    }

    /** The same-origin check of form POSTs, in place of a CSRF token (see {@link StaffPages}). */
    static boolean sameOrigin(HttpServletRequest request) {
        return StaffPages.sameOrigin(request);
    }

    private ResponseEntity<String> render(String org, HttpStatus status, String error, Form form) {
        Staff staff = CurrentStaff.get();
        OrganizationPolicy policy;
        List<Absence> current;
        try {
            if (org == null || org.isBlank()) {
                throw new UnknownOrganizationException(String.valueOf(org));
            }
            policy = policies.get(org);
            LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(policy.zone()).toLocalDate();
            current = absences.list(org, staff).stream().filter(a -> !a.to().isBefore(today))
                    .sorted(java.util.Comparator.comparing(Absence::from).thenComparing(Absence::id)).toList();
        } catch (UnknownOrganizationException e) {
            return message(HttpStatus.NOT_FOUND, "Организация не найдена. Укажите её в адресе: /absences?org=…");
        } catch (AccessDeniedException e) {
            return message(HttpStatus.FORBIDDEN, "Реестр отсутствий доступен только сотрудникам организации.");
        }
        boolean keeper = staff.hasRole(org, Role.COORDINATOR) || staff.hasRole(org, Role.COORDINATOR_SUBSTITUTE);
        StringBuilder html = new StringBuilder(8192);
        head(html, "Реестр отсутствий: " + policy.shortName());
        html.append("<p class=\"lead\">Текущие и будущие отсутствия сотрудников (отпуск, болезнь, командировка). "
                + "На время отсутствия координатора его задачи передаются замещающему, а сообщения для отдела "
                + "при отсутствии начальника — сразу исполнителям. Даты включительно, по местному времени ("
                + e(policy.schedule().zone()) + ").</p>\n");
        if (error != null) {
            html.append("<p class=\"error\" role=\"alert\">").append(e(error)).append("</p>\n");
        }
        table(html, org, current, keeper);
        if (keeper) {
            addForm(html, org, form);
        }
        html.append("</main>\n</body>\n</html>\n");
        return respond(status, html.toString());
    }

    private void table(StringBuilder html, String org, List<Absence> current, boolean keeper) {
        if (current.isEmpty()) {
            html.append("<p class=\"empty\">Текущих и будущих отсутствий нет.</p>\n");
            return;
        }
        html.append("<table>\n<thead><tr><th>Сотрудник</th><th>С</th><th>По</th><th>Причина</th>")
                .append(keeper ? "<th></th>" : "").append("</tr></thead>\n<tbody>\n");
        for (Absence a : current) {
            html.append("<tr><td>").append(e(a.userId())).append("</td><td>").append(a.from().format(DATE))
                    .append("</td><td>").append(a.to().format(DATE)).append("</td><td>")
                    .append(e(a.reason().title())).append("</td>");
            if (keeper) {
                html.append("<td><form method=\"post\" action=\"/absences/").append(a.id()).append("/delete\">")
                        .append("<input type=\"hidden\" name=\"org\" value=\"").append(e(org)).append("\">")
                        .append("<button type=\"submit\" class=\"delete\">Удалить</button></form></td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private void addForm(StringBuilder html, String org, Form form) {
        html.append("<h2>Добавить отсутствие</h2>\n<form class=\"add\" method=\"post\" action=\"/absences\">\n")
                .append("<input type=\"hidden\" name=\"org\" value=\"").append(e(org)).append("\">\n")
                .append("<label>Сотрудник (логин) <input name=\"userId\" list=\"staff\" required value=\"")
                .append(e(form.userId())).append("\"></label>\n<datalist id=\"staff\">\n");
        for (User user : EngineChecks.withoutChecks(() -> identity.createUserQuery().memberOfTenant(org)
                .orderByUserLastName().asc().list())) {
            html.append("<option value=\"").append(e(user.getId())).append("\">")
                    .append(e(DepartmentStaff.displayName(user))).append("</option>\n");
        }
        html.append("</datalist>\n")
                .append("<label>С <input type=\"date\" name=\"from\" required value=\"").append(e(form.from()))
                .append("\"></label>\n<label>По <input type=\"date\" name=\"to\" required value=\"")
                .append(e(form.to())).append("\"></label>\n<label>Причина <select name=\"reason\">\n");
        for (AbsenceReason reason : AbsenceReason.values()) {
            html.append("<option value=\"").append(reason.name()).append('"')
                    .append(reason.name().equalsIgnoreCase(form.reason()) ? " selected" : "").append('>')
                    .append(e(reason.title())).append("</option>\n");
        }
        html.append("</select></label>\n<button type=\"submit\">Добавить</button>\n</form>\n");
    }

    private static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null; // the register names the missing field
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "неверная дата, ожидается ГГГГ-ММ-ДД");
        }
    }

    private static String field(InvalidFieldException e) {
        String label = FIELDS.get(e.field());
        return label == null ? "" : "«" + label + "»: ";
    }

    private static ResponseEntity<String> backToPage(String org) {
        URI page = UriComponentsBuilder.fromPath("/absences").queryParam("org", org).encode().build().toUri();
        return StaffPages.seeOther(page);
    }

    private static ResponseEntity<String> crossOrigin() {
        return message(HttpStatus.FORBIDDEN, "Запрос отклонён: форма отправлена не со страницы реестра отсутствий. "
                + "Откройте страницу реестра и повторите.");
    }

    private static ResponseEntity<String> message(HttpStatus status, String text) {
        StringBuilder html = new StringBuilder(1024);
        head(html, "Реестр отсутствий");
        html.append("<p class=\"error\" role=\"alert\">").append(e(text)).append("</p>\n</main>\n</body>\n</html>\n");
        return respond(status, html.toString());
    }

    private static void head(StringBuilder html, String title) {
        html.append("<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(e(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n")
                .append("</head>\n<body>\n<main>\n<h1>").append(e(title)).append("</h1>\n");
    }

    private static ResponseEntity<String> respond(HttpStatus status, String html) {
        return StaffPages.respond(status, html);
    }

    private static String e(String value) {
        return StaffPages.escape(value);
    }

    private static final String STYLE = """
            *{box-sizing:border-box}
            body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1d2733;background:#f5f7fa;line-height:1.45}
            main{max-width:900px;margin:0 auto;padding:16px}
            h1{font-size:1.5rem;margin:.5rem 0 1rem}
            h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
            .lead,.empty{color:#4a5868}
            .error{color:#a8071a;font-weight:600}
            table{width:100%;border-collapse:collapse;background:#fff;border:1px solid #d8dee6}
            th,td{text-align:left;padding:8px 10px;border-bottom:1px solid #e6eaef}
            th{background:#eef2f6}
            td form{margin:0}
            .add{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:flex-end;background:#fff;padding:12px;border:1px solid #d8dee6;border-radius:8px}
            .add label{display:flex;flex-direction:column;font-size:.9rem;gap:4px}
            input,select,button{font:inherit;padding:6px 8px;min-height:40px}
            button{background:#0b5cad;color:#fff;border:0;border-radius:6px;padding:6px 16px}
            button.delete{background:#a8071a;min-height:32px}
            """;
}
