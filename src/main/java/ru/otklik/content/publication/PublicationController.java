package ru.otklik.content.publication;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import ru.otklik.security.CurrentStaff;
import ru.otklik.security.Staff;
import ru.otklik.web.InvalidFieldException;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The publication log over REST (ACC-7, ACC-8, ACC-12). */
@RestController
@RequestMapping("/api/publications")
class PublicationController {

    /** Import rows beyond this are refused, so that one upload stays one reasonable request. */
    static final int MAX_IMPORT_ROWS = 5000;

    private final PublicationLog log;

    PublicationController(PublicationLog log) {
        this.log = log;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Publication create(@RequestBody NewPublication body) {
        return log.record(body, CurrentStaff.get(), PublicationLog.SOURCE_API);
    }

    @GetMapping
    List<Publication> list(@RequestParam(name = "account", required = false) Long account,
                           @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return log.list(account, from, to, CurrentStaff.get());
    }

    /** One row of an import's result. */
    record ImportRow(int row, String status, Long id, String field, String message) {
        static final String ACCEPTED = "accepted";
        static final String DUPLICATE = "duplicate";
        static final String ERROR = "error";
    }

    /**
     * CSV with the header {@code account,publishedAt,kind,repostSource,format,link,topic} (UTF-8, comma or
     * semicolon). Each row is logged in its own transaction: a bad row is reported and the others are kept.
     */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    List<ImportRow> importCsv(@RequestParam("file") MultipartFile file) throws IOException {
        Staff staff = CurrentStaff.get();
        String text = new String(file.getBytes(), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        char separator = text.lines().findFirst().orElse("").contains(";") ? ';' : ',';
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.TRIM_SPACES);
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(separator);
        List<ImportRow> result = new ArrayList<>();
        try (Reader reader = new StringReader(text);
             MappingIterator<Map<String, String>> rows = mapper.readerFor(Map.class).with(schema).readValues(reader)) {
            int row = 1;
            while (rows.hasNext()) {
                row++;
                if (row - 1 > MAX_IMPORT_ROWS) {
                    throw new InvalidFieldException("file", "не более " + MAX_IMPORT_ROWS + " строк за один раз");
                }
                Map<String, String> r = rows.next();
                result.add(importRow(row, r, staff));
            }
        } catch (RuntimeException e) {
            if (e instanceof InvalidFieldException) {
                throw e;
            }
            throw new InvalidFieldException("file", "файл не читается как CSV: " + e.getMessage());
        }
        if (result.isEmpty()) {
            throw new InvalidFieldException("file", "в файле нет строк после заголовка");
        }
        return result;
    }

    private ImportRow importRow(int row, Map<String, String> r, Staff staff) {
        Long account;
        try {
            String raw = r.get("account");
            account = raw == null || raw.isBlank() ? null : Long.valueOf(raw.trim());
        } catch (NumberFormatException e) {
            return new ImportRow(row, ImportRow.ERROR, null, "account", "номер аккаунта должен быть числом");
        }
        NewPublication input = new NewPublication(account, r.get("publishedAt"), r.get("kind"), r.get("repostSource"),
                r.get("format"), r.get("link"), r.get("topic"));
        try {
            Publication saved = log.record(input, staff, PublicationLog.SOURCE_IMPORT);
            return new ImportRow(row, ImportRow.ACCEPTED, saved.id(), null, null);
        } catch (DuplicatePublicationException e) {
            return new ImportRow(row, ImportRow.DUPLICATE, null, e.field(), e.getMessage());
        } catch (InvalidFieldException e) {
            return new ImportRow(row, ImportRow.ERROR, null, e.field(), e.getMessage());
        }
    }
}
