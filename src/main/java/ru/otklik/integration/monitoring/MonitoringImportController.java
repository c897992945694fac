package ru.otklik.integration.monitoring;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import ru.otklik.security.CurrentStaff;
import ru.otklik.security.Staff;
import ru.otklik.web.InvalidFieldException;

import java.io.IOException;
import java.io.InputStream;

/**
 * {@code POST /api/messages/import}: a monitoring export as CSV (multipart {@code file}). HTTP Basic; intake
 * systems and ОТО specialists. The answer is streamed while the rows are imported, so that neither the file
 * nor the answer is held in memory: the status (200) and the first bytes go out before the first row; a
 * problem with the file as a whole found before that (no file, unknown column, not UTF-8) is a 400.
 */
@RestController
class MonitoringImportController {

    /** Flush the answer every so many rows, so that a client sees progress on a long file. */
    private static final int FLUSH_EVERY = 100;

    private final MonitoringImport imports;
    private final ObjectMapper json;

    MonitoringImportController(MonitoringImport imports, ObjectMapper json) {
        this.imports = imports;
        this.json = json;
    }

    /**
     * @param org  the organization of rows that name none
     * @param rows {@code all} (default): every row's outcome; {@code errors}: only the rows that failed —
     *             for large files, where the counts say the rest
     */
    @PostMapping(path = "/api/messages/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    void importCsv(@RequestParam(required = false) MultipartFile file,
                   @RequestParam(required = false) String org,
                   @RequestParam(required = false) String rows,
                   HttpServletResponse response) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidFieldException("file", "приложите CSV-файл выгрузки в поле file (multipart/form-data)");
        }
        boolean errorsOnly = rowsParameter(rows);
        String defaultOrg = org == null || org.isBlank() ? null : org.trim();
        Staff staff = CurrentStaff.get();
        imports.authorize(defaultOrg, staff);
        try (InputStream in = file.getInputStream(); MonitoringCsv csv = new MonitoringCsv(in)) {
            response.setStatus(HttpStatus.OK.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            try (JsonGenerator out = json.getFactory().createGenerator(response.getOutputStream(), JsonEncoding.UTF8)) {
                out.writeStartObject();
                out.writeStringField("file", file.getOriginalFilename());
                out.writeStringField("org", defaultOrg);
                out.writeArrayFieldStart("rows");
                int[] written = {0};
                MonitoringImport.Summary summary = imports.importRows(csv, defaultOrg, staff, result -> {
                    if (errorsOnly && result.status() != MonitoringImport.Status.ERROR) {
                        return;
                    }
                    write(out, result);
                    if (++written[0] % FLUSH_EVERY == 0) {
                        out.flush();
                    }
                });
                out.writeEndArray();
                out.writeNumberField("total", summary.total());
                out.writeNumberField("accepted", summary.accepted());
                out.writeNumberField("duplicates", summary.duplicates());
                out.writeNumberField("errors", summary.errors());
                out.writeEndObject();
            }
        }
    }

    private static boolean rowsParameter(String rows) {
        if (rows == null || rows.isBlank() || rows.trim().equals("all")) {
            return false;
        }
        if (rows.trim().equals("errors")) {
            return true;
        }
        throw new InvalidFieldException("rows", "допустимо: all (все строки) или errors (только ошибки)");
    }

    private static void write(JsonGenerator out, MonitoringImport.RowResult result) throws IOException {
        out.writeStartObject();
        out.writeNumberField("row", result.row());
        out.writeStringField("status", result.status().name());
        if (result.id() != null) {
            out.writeNumberField("id", result.id());
            out.writeStringField("businessKey", result.businessKey());
        }
        if (result.field() != null) {
            out.writeStringField("field", result.field());
        }
        if (result.message() != null) {
            out.writeStringField("message", result.message());
        }
        out.writeEndObject();
    }
}
