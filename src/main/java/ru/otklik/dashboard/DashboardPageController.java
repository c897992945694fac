package ru.otklik.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;
import ru.otklik.organization.Network;
import ru.otklik.organization.OrganizationPolicies;
import ru.otklik.organization.UnknownOrganizationException;
import ru.otklik.security.CurrentStaff;
import ru.otklik.web.StaffPages;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * {@code GET /dashboard?org=zags}: the dashboard page in Russian for coordinators and heads (HTTP Basic, the same
 * access as {@code /api/dashboard}). Charts first, drawn as inline SVG on the server; the figures behind each
 * chart one click away in a table. The page refreshes itself: {@code /dashboard/dashboard.js} fetches
 * {@code /dashboard/content} (the same template's content fragment) every {@link #REFRESH_SECONDS} seconds and
 * swaps it in; without scripts a {@code <noscript>} meta refresh reloads the page. Every value from the registry
 * is written with {@code th:text} (escaped); the page has no inline scripts or handlers, so the staff pages'
 * Content-Security-Policy applies.
 */
@Controller
class DashboardPageController {

    static final int REFRESH_SECONDS = 60;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final DashboardAccess access;
    private final DashboardService dashboards;
    private final OrganizationPolicies policies;

    DashboardPageController(DashboardAccess access, DashboardService dashboards, OrganizationPolicies policies) {
        this.access = access;
        this.dashboards = dashboards;
        this.policies = policies;
    }

    @GetMapping(path = "/dashboard", produces = MediaType.TEXT_HTML_VALUE)
    String page(@RequestParam(required = false) String org, Model model, HttpServletResponse response) {
        fill(org, model, response);
        return "dashboard/index";
    }

    /** The refreshed part of the page. */
    @GetMapping(path = "/dashboard/content", produces = MediaType.TEXT_HTML_VALUE)
    String content(@RequestParam(required = false) String org, Model model, HttpServletResponse response) {
        fill(org, model, response);
        return "dashboard/index :: content";
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView denied(HttpServletResponse response) {
        return error(response, HttpStatus.FORBIDDEN, "Сводка доступна координатору, замещающему его сотруднику и "
                + "руководителю органа — по своей организации, Главному управлению по работе со СМИ — по всем.");
    }

    @ExceptionHandler(UnknownOrganizationException.class)
    ModelAndView unknown(HttpServletResponse response) {
        return error(response, HttpStatus.NOT_FOUND, "Организация не найдена. Выберите её в списке на странице "
                + "/dashboard.");
    }

    private void fill(String org, Model model, HttpServletResponse response) {
        DashboardAccess.Scope scope = access.scope(CurrentStaff.get(), org);
        Dashboard dashboard = dashboards.build(scope);
        String zone = policies.get(scope.shown().get(0)).schedule().zone();
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("allOrganizations", scope.selected() == null && scope.visible().size() > 1);
        model.addAttribute("title", scope.selected() != null ? policies.get(scope.selected()).shortName()
                : scope.visible().size() == 1 ? scope.visible().get(0).shortName() : "все организации");
        model.addAttribute("generatedLocal", LOCAL.format(dashboard.generatedAt().atZone(ZoneId.of(zone))));
        model.addAttribute("zone", zone);
        model.addAttribute("organizationNames", dashboard.organizations().stream()
                .collect(Collectors.toMap(Dashboard.Organization::id, Dashboard.Organization::shortName)));
        model.addAttribute("networks", Arrays.stream(Network.values())
                .collect(Collectors.toMap(Network::name, n -> network(n.name()))));
        model.addAttribute("refreshSeconds", REFRESH_SECONDS);
        model.addAttribute("contentUrl", UriComponentsBuilder.fromPath("/dashboard/content")
                .queryParamIfPresent("org", java.util.Optional.ofNullable(scope.selected())).encode().toUriString());
        model.addAttribute("stepsChart", BarChart.of("chart-steps", "Открытые сообщения по этапам",
                dashboard.openBySteps().stream().map(s -> new BarChart.Row(s.title(), s.open(), s.overdue())).toList(),
                "просрочено"));
        model.addAttribute("departmentsChart", BarChart.of("chart-departments", "Загрузка отделов",
                dashboard.departmentLoad().stream().map(d -> new BarChart.Row(d.title(), d.open(), d.overdue()))
                        .toList(), "просрочено"));
        model.addAttribute("intakeChart", BarChart.of("chart-intake", "Поступило сегодня по соцсетям",
                dashboard.intakeToday().byNetwork().stream().map(n -> new BarChart.Row(network(n.network()), n.count(), 0))
                        .toList(), null));
        headers(response);
    }

    /** MSG-4: the networks as staff name them. */
    static String network(String network) {
        return switch (Network.valueOf(network)) {
            case VK -> "ВКонтакте";
            case OK -> "Одноклассники";
            case TELEGRAM -> "Telegram";
            case TWITTER -> "Twitter";
            case INSTAGRAM -> "Instagram";
            case FACEBOOK -> "Facebook";
            case BLOG -> "Блоги";
            case OTHER -> "Другие";
        };
    }

    private static ModelAndView error(HttpServletResponse response, HttpStatus status, String message) {
        headers(response);
        ModelAndView view = new ModelAndView("dashboard/error", java.util.Map.of("message", message), status);
        return view;
    }

    private static void headers(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", StaffPages.CONTENT_SECURITY_POLICY);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
