package ru.otklik.account;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The public registry of accounts as data (ACC-5, ACC-16), no login: JSON and CSV of the active accounts,
 * filterable by organization ({@code org}) and network ({@code network}). Public fields only.
 */
@RestController
@RequestMapping("/api/registry")
class PublicRegistryApiController {

    /** Column titles of the CSV, in Russian: the file is for people opening it in a spreadsheet. */
    static final List<String> CSV_COLUMNS = List.of("Организация", "Сеть", "Название", "Ссылка", "Назначение",
            "Официальная страница", "Дата создания");
    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final PublicRegistry registry;
    private final CsvMapper csv = CsvMapper.builder().enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS).build();

    PublicRegistryApiController(PublicRegistry registry) {
        this.registry = registry;
    }

    @GetMapping(path = "/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
    List<PublicRegistry.PublicAccount> accounts(@RequestParam(required = false) String org,
                                                @RequestParam(required = false) String network) {
        return registry.accounts(registry.filter(org, network));
    }

    /**
     * RFC 4180 (CRLF, quoted fields) in UTF-8 with a byte order mark, so that Excel reads the Cyrillic text
     * correctly; a download ({@code Content-Disposition: attachment}).
     */
    @GetMapping(path = "/accounts.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String org,
                               @RequestParam(required = false) String network) throws JsonProcessingException {
        List<PublicRegistry.PublicAccount> accounts = registry.accounts(registry.filter(org, network));
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
        CSV_COLUMNS.forEach(schema::addColumn);
        List<List<String>> rows = new ArrayList<>();
        for (PublicRegistry.PublicAccount a : accounts) {
            rows.add(List.of(cell(a.organizationName()), cell(a.networkTitle()), cell(a.displayName()), cell(a.url()),
                    cell(a.purpose()), a.officialPage() ? "да" : "нет",
                    a.createdOn() == null ? "" : a.createdOn().toString()));
        }
        byte[] body = csv.writer(schema.build()).writeValueAsString(rows).getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, withBom, 0, BOM.length);
        System.arraycopy(body, 0, withBom, BOM.length, body.length);
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("accounts.csv").build().toString())
                .body(withBom);
    }

    /**
     * A cell a spreadsheet shows as text: a value starting with =, +, -, @ or a control character would be run
     * as a formula, so it gets a leading apostrophe (OWASP CSV injection).
     */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
