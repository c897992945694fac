package ru.otklik.report;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import jakarta.servlet.http.HttpServletResponse;
import ru.otklik.security.CurrentStaff;

import java.nio.charset.StandardCharsets;

/**
 * The summary as a page (Russian, charts as inline SVG, nothing loaded from elsewhere), as XLSX and CSV, and as
 * JSON: {@code /reports/monthly/{org}/{yyyy-MM}[.xlsx|.csv]}, {@code /reports/period?organization=&from=&to=}
 * (dates inclusive) and the same under {@code /api/reports/…} in JSON.
 */
@Controller
class ReportController {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'self'";
    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Reports reports;
    private final ReportAccess access;

    ReportController(Reports reports, ReportAccess access) {
        this.reports = reports;
        this.access = access;
    }

    @GetMapping(path = "/reports/monthly/{org}/{month:\\d{4}-\\d{2}}", produces = MediaType.TEXT_HTML_VALUE)
    String monthPage(@PathVariable String org, @PathVariable String month, Model model, HttpServletResponse response) {
        return page(month(org, month), "/reports/monthly/" + org + "/" + month, model, response);
    }

    @GetMapping("/reports/monthly/{org}/{month:\\d{4}-\\d{2}}.xlsx")
    ResponseEntity<byte[]> monthXlsx(@PathVariable String org, @PathVariable String month) {
        return xlsx(month(org, month).summary());
    }

    @GetMapping("/reports/monthly/{org}/{month:\\d{4}-\\d{2}}.csv")
    ResponseEntity<byte[]> monthCsv(@PathVariable String org, @PathVariable String month) {
        return csv(month(org, month).summary());
    }

    @GetMapping(path = "/api/reports/monthly/{org}/{month}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Summary monthJson(@PathVariable String org, @PathVariable String month) {
        return month(org, month).summary();
    }

    @GetMapping(path = "/reports/period", produces = MediaType.TEXT_HTML_VALUE)
    String periodPage(@RequestParam(required = false) String organization, @RequestParam(required = false) String from,
                      @RequestParam(required = false) String to, Model model, HttpServletResponse response) {
        Reports.Report report = period(organization, from, to);
        return page(report, "/reports/period?organization=" + organization + "&from=" + from + "&to=" + to, model,
                response);
    }

    @GetMapping("/reports/period.xlsx")
    ResponseEntity<byte[]> periodXlsx(@RequestParam(required = false) String organization,
                                      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return xlsx(period(organization, from, to).summary());
    }

    @GetMapping("/reports/period.csv")
    ResponseEntity<byte[]> periodCsv(@RequestParam(required = false) String organization,
                                     @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return csv(period(organization, from, to).summary());
    }

    @GetMapping(path = "/api/reports/period", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Summary periodJson(@RequestParam(required = false) String organization, @RequestParam(required = false) String from,
                       @RequestParam(required = false) String to) {
        return period(organization, from, to).summary();
    }

    private Reports.Report month(String org, String month) {
        access.requireRead(CurrentStaff.get(), org);
        return reports.month(org, month);
    }

    private Reports.Report period(String organization, String from, String to) {
        if (organization == null || organization.isBlank()) {
            throw new ru.otklik.web.InvalidFieldException("organization", "organization: укажите организацию, например zags");
        }
        access.requireRead(CurrentStaff.get(), organization);
        return reports.period(organization, from, to);
    }

    private static String page(Reports.Report report, String baseUrl, Model model, HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        // the downloads of a period report keep its query after the extension
        String base = baseUrl.contains("?") ? baseUrl.substring(0, baseUrl.indexOf('?')) : baseUrl;
        model.addAttribute("page", SummaryPage.of(report.summary(), report.stored().orElse(null), base));
        model.addAttribute("query", baseUrl.contains("?") ? baseUrl.substring(baseUrl.indexOf('?')) : "");
        return "report/summary";
    }

    private static ResponseEntity<byte[]> xlsx(Summary summary) {
        return download(SummaryFiles.xlsx(summary), XLSX, summary, "xlsx");
    }

    private static ResponseEntity<byte[]> csv(Summary summary) {
        return download(SummaryFiles.csv(summary), CSV, summary, "csv");
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, Summary summary, String extension) {
        String name = "svodka-" + summary.organization() + "-" + summary.period().slug() + "." + extension;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
