package ru.otklik.integration.monitoring;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.databind.SequenceWriter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import ru.otklik.integration.monitoring.MonitoringImport.RowResult;
import ru.otklik.integration.monitoring.MonitoringImport.Status;
import ru.otklik.security.CurrentStaff;
import ru.otklik.security.Staff;
import ru.otklik.web.InvalidFieldException;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The imports of monitoring exports (MSG-8) over HTTP Basic. {@code POST /api/messages/import} stores the CSV
 * ({@code file}) and answers {@code 202 Accepted} with the job's {@code Location}; the rows are imported in the
 * background ({@link MonitoringImportWorker}). {@code GET} on the job gives its status, progress and counts, and
 * its rows' outcomes page by page as JSON or all at once as CSV. With {@code wait=true}, a small file is imported
 * during the request and answered with every row's outcome.
 */
@RestController
class MonitoringImportController {

    static final String IMPORTS = "/api/messages/imports/";
    /** The largest file imported during the request with {@code wait=true}: a few hundred rows. */
    static final long WAIT_MAX_BYTES = 64 * 1024;
    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 1000;

    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema CSV_SCHEMA = CsvSchema.builder().addColumn("row").addColumn("status")
            .addColumn("id").addColumn("businessKey").addColumn("field").addColumn("message").build()
            .withHeader();

    private final MonitoringImportService service;

    MonitoringImportController(MonitoringImportService service) {
        this.service = service;
    }

    /**
     * @param org  the organization the import belongs to, and of the rows that name none
     * @param wait {@code true}: import a file of at most {@value #WAIT_MAX_BYTES} bytes now and answer with every
     *             row's outcome
     */
    @PostMapping(path = "/api/messages/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportView> importCsv(@RequestParam(required = false) MultipartFile file,
                                         @RequestParam(required = false) String org,
                                         @RequestParam(required = false) String wait) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidFieldException("file", "приложите CSV-файл выгрузки в поле file (multipart/form-data)");
        }
        boolean waiting = wait(wait, file.getSize());
        Staff staff = CurrentStaff.get();
        ImportJob job = service.upload(file, org == null || org.isBlank() ? null : org.trim(), staff, waiting);
        if (job.status() == ImportJob.Status.DONE && waiting) {
            return ResponseEntity.ok(service.view(job, true));
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(IMPORTS + job.id()))
                .body(service.view(job, false));
    }

    @GetMapping(IMPORTS + "{id}")
    ImportView job(@PathVariable long id) {
        return service.view(service.visible(id, CurrentStaff.get()), false);
    }

    /** The rows' outcomes in file order, a page at a time; {@code status} narrows to ACCEPTED, DUPLICATE or ERROR. */
    @GetMapping(IMPORTS + "{id}/rows")
    RowsPage rows(@PathVariable long id, @RequestParam(required = false) String status,
                  @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        Status filter = status(status);
        int pageNumber = integer("page", page, 0, 0, 1_000_000);
        int pageSize = integer("size", size, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        ImportJob job = service.visible(id, CurrentStaff.get());
        return new RowsPage(service.rows(job.id(), filter, pageNumber, pageSize), pageNumber, pageSize,
                service.countRows(job.id(), filter));
    }

    /** All the rows' outcomes as CSV (UTF-8 with BOM, for Excel), streamed from the database. */
    @GetMapping(IMPORTS + "{id}/rows.csv")
    void rowsCsv(@PathVariable long id, @RequestParam(required = false) String status,
                 HttpServletResponse response) throws IOException {
        Status filter = status(status);
        ImportJob job = service.visible(id, CurrentStaff.get());
        response.setStatus(HttpStatus.OK.value());
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-" + job.id() + "-rows.csv\"");
        OutputStream out = response.getOutputStream();
        out.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (SequenceWriter rows = CSV.writer(CSV_SCHEMA).without(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS)
                .writeValues(writer)) {
            service.eachRow(job.id(), filter, row -> rows.write(Stream.of(row.row(), row.status(), row.id(),
                    row.businessKey(), row.field(), row.message()).map(v -> v == null ? "" : v.toString()).toList()));
        }
    }

    private static boolean wait(String value, long size) {
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("false")) {
            return false;
        }
        if (!value.trim().equalsIgnoreCase("true")) {
            throw new InvalidFieldException("wait", "допустимо: true (загрузить сразу) или false (в фоне)");
        }
        if (size > WAIT_MAX_BYTES) {
            throw new InvalidFieldException("wait", "сразу загружаются файлы до " + WAIT_MAX_BYTES / 1024
                    + " КБ; больший файл загрузите без wait и следите за ходом загрузки по ссылке Location");
        }
        return true;
    }

    private static Status status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Status.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("status", "допустимо: " + Arrays.stream(Status.values())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static int integer(String parameter, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidFieldException(parameter, "нужно целое число от " + min + " до " + max);
    }

    /** A page of rows' outcomes. */
    record RowsPage(List<ImportView.Row> items, int page, int size, long total) {
    }
}
