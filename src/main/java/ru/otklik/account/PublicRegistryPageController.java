package ru.otklik.account;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;
import ru.otklik.organization.Network;
import ru.otklik.organization.OrganizationPolicy;
import ru.otklik.organization.UnknownOrganizationException;
import ru.otklik.web.StaffPages;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /registry}: the public registry of accounts as a page in Russian (ACC-5, ACC-16), no login: per
 * organization ({@code ?org=zags}) or consolidated (ACC-13), filterable by network, readable on a phone. Built
 * server-side without a template engine: every value goes through {@link HtmlUtils#htmlEscape}, links are
 * only the registered http(s) URLs, and the page loads nothing from elsewhere (Content-Security-Policy).
 */
@Controller
class PublicRegistryPageController {

    static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    /** No scripts, no external resources; only the inline style sheet and the filter form to this page. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors 'self'";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final PublicRegistry registry;

    PublicRegistryPageController(PublicRegistry registry) {
        this.registry = registry;
    }

    @GetMapping(path = "/registry", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@RequestParam(required = false) String org,
                                @RequestParam(required = false) String network) {
        PublicRegistry.Filter filter;
        try {
            filter = registry.filter(org, network);
        } catch (UnknownOrganizationException e) {
            return respond(HttpStatus.NOT_FOUND, page(null, null, "Организация не найдена. Выберите организацию из списка."));
        } catch (AccountValidationException e) {
            return respond(HttpStatus.BAD_REQUEST, page(null, null, "Неизвестная социальная сеть. Выберите сеть из списка."));
        }
        return respond(HttpStatus.OK, page(filter, registry.byOrganization(filter), null));
    }

    private static ResponseEntity<String> respond(HttpStatus status, String html) {
        return ResponseEntity.status(status).contentType(HTML)
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .body(html);
    }

    private String page(PublicRegistry.Filter filter, Map<OrganizationPolicy, List<PublicRegistry.PublicAccount>> groups,
                        String error) {
        StringBuilder html = new StringBuilder(8192);
        String title = filter != null && filter.organization() != null && groups != null && !groups.isEmpty()
                ? "Реестр аккаунтов: " + groups.keySet().iterator().next().shortName()
                : "Сводный реестр аккаунтов органов власти Кузбасса в социальных сетях";
        html.append("<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(e(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n")
                .append("</head>\n<body>\n<main>\n<h1>").append(e(title)).append("</h1>\n")
                .append("<p class=\"lead\">Официальные аккаунты органов власти в социальных сетях: ссылки на них и даты "
                        + "создания. Реестр обновляется при создании, изменении и удалении аккаунтов.</p>\n");
        filterForm(html, filter);
        if (error != null) {
            html.append("<p class=\"error\" role=\"alert\">").append(e(error)).append("</p>\n");
        } else {
            downloads(html, filter);
            int total = groups.values().stream().mapToInt(List::size).sum();
            if (total == 0) {
                html.append("<p class=\"empty\">Действующих аккаунтов не найдено.</p>\n");
            }
            for (Map.Entry<OrganizationPolicy, List<PublicRegistry.PublicAccount>> group : groups.entrySet()) {
                if (group.getValue().isEmpty() && (filter.organization() == null)) {
                    continue;
                }
                section(html, group.getKey(), group.getValue());
            }
        }
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private void filterForm(StringBuilder html, PublicRegistry.Filter filter) {
        String selectedOrg = filter == null ? null : filter.organization();
        Network selectedNetwork = filter == null ? null : filter.network();
        html.append("<form class=\"filter\" method=\"get\" action=\"/registry\">\n")
                .append("<label>Организация <select name=\"org\">\n<option value=\"\">Все организации</option>\n");
        for (OrganizationPolicy policy : registry.organizations()) {
            html.append("<option value=\"").append(e(policy.id())).append('"')
                    .append(policy.id().equals(selectedOrg) ? " selected" : "").append('>')
                    .append(e(policy.shortName())).append("</option>\n");
        }
        html.append("</select></label>\n<label>Социальная сеть <select name=\"network\">\n")
                .append("<option value=\"\">Все сети</option>\n");
        for (Network network : Network.values()) {
            html.append("<option value=\"").append(network.name()).append('"')
                    .append(network == selectedNetwork ? " selected" : "").append('>')
                    .append(e(NetworkDomains.title(network))).append("</option>\n");
        }
        html.append("</select></label>\n<button type=\"submit\">Показать</button>\n</form>\n");
    }

    private static void downloads(StringBuilder html, PublicRegistry.Filter filter) {
        UriComponentsBuilder csv = UriComponentsBuilder.fromPath("/api/registry/accounts.csv");
        UriComponentsBuilder json = UriComponentsBuilder.fromPath("/api/registry/accounts");
        if (filter.organization() != null) {
            csv.queryParam("org", filter.organization());
            json.queryParam("org", filter.organization());
        }
        if (filter.network() != null) {
            csv.queryParam("network", filter.network().name());
            json.queryParam("network", filter.network().name());
        }
        html.append("<p class=\"downloads\">Скачать: <a href=\"").append(e(csv.encode().toUriString()))
                .append("\">CSV (Excel)</a> · <a href=\"").append(e(json.encode().toUriString()))
                .append("\">JSON</a></p>\n");
    }

    private static void section(StringBuilder html, OrganizationPolicy policy, List<PublicRegistry.PublicAccount> accounts) {
        html.append("<section>\n<h2>").append(e(policy.shortName())).append("</h2>\n");
        if (policy.publicRegistryUrl() != null) {
            // ACC-5: the site where the organization publishes its registry
            String site = policy.publicRegistryUrl().toString();
            html.append("<p class=\"site\">Реестр публикуется на официальном сайте: ")
                    .append(link(site, policy.publicRegistryUrl().getHost())).append("</p>\n");
        }
        if (accounts.isEmpty()) {
            html.append("<p class=\"empty\">Действующих аккаунтов не найдено.</p>\n</section>\n");
            return;
        }
        html.append("<table>\n<thead><tr><th>Сеть</th><th>Название</th><th>Ссылка</th><th>Назначение</th>")
                .append("<th>Официальная страница</th><th>Дата создания</th></tr></thead>\n<tbody>\n");
        for (PublicRegistry.PublicAccount a : accounts) {
            html.append("<tr>")
                    .append("<td data-label=\"Сеть\">").append(e(a.networkTitle())).append("</td>")
                    .append("<td data-label=\"Название\">").append(e(a.displayName())).append("</td>")
                    .append("<td data-label=\"Ссылка\">").append(link(a.url(), a.url())).append("</td>")
                    .append("<td data-label=\"Назначение\">").append(e(a.purpose() == null ? "—" : a.purpose())).append("</td>")
                    .append("<td data-label=\"Официальная страница\">").append(a.officialPage() ? "да" : "нет").append("</td>")
                    .append("<td data-label=\"Дата создания\">")
                    .append(a.createdOn() == null ? "—" : a.createdOn().format(DATE)).append("</td>")
                    .append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    /** A link only to an http(s) address (anything else is shown as text), escaped for the attribute. */
    private static String link(String url, String text) {
        boolean web = url != null && Arrays.asList("http://", "https://").stream()
                .anyMatch(p -> url.regionMatches(true, 0, p, 0, p.length()));
        if (!web) {
            return e(text);
        }
        return "<a href=\"" + e(url) + "\" rel=\"noopener noreferrer nofollow\">" + e(text) + "</a>";
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
            .lead,.site,.downloads{color:#4a5868}
            a{color:#0b5cad;overflow-wrap:anywhere}
            .filter{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:flex-end;background:#fff;padding:12px;border-radius:8px;border:1px solid #d8dee6}
            .filter label{display:flex;flex-direction:column;font-size:.9rem;gap:4px}
            .filter select,.filter button{font:inherit;padding:6px 8px;min-height:40px}
            .filter button{background:#0b5cad;color:#fff;border:0;border-radius:6px;padding:6px 16px}
            table{width:100%;border-collapse:collapse;background:#fff;border:1px solid #d8dee6}
            th,td{text-align:left;padding:8px 10px;border-bottom:1px solid #e6eaef;vertical-align:top}
            th{background:#eef2f6;font-weight:600}
            .error{color:#a8071a;font-weight:600}
            .empty{color:#4a5868;font-style:italic}
            @media (max-width:700px){
              thead{display:none}
              table,tbody,tr,td{display:block;width:100%}
              tr{border-bottom:2px solid #d8dee6;padding:6px 0}
              td{border:0;padding:4px 10px}
              td::before{content:attr(data-label);display:block;font-size:.8rem;color:#4a5868}
            }
            """;
}
