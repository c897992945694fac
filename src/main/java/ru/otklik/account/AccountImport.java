package ru.otklik.account;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.otklik.organization.Network;
import ru.otklik.organization.OrganizationPolicies;
import ru.otklik.organization.OrganizationPolicy;
import ru.otklik.organization.Role;
import ru.otklik.security.Staff;
import ru.otklik.web.InvalidFieldException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The initial import of an organization's existing accounts from CSV (ACC-2, ACC-17). Accepted rows enter the
 * registry straight as active, with the audit event {@code import}: they exist already, so no creation process
 * and no report duty. Each row is its own transaction, so a bad row never half-imports and never stops the
 * others.
 *
 * <p>Format: UTF-8 (a byte order mark is allowed), comma- or semicolon-separated (as Excel saves it in a Russian
 * locale), RFC 4180 quoting, a header row naming the columns in any order:
 * {@code network,url,displayName,externalId,purpose,createdOn,officialPage,textDescription,designedVisuals,
 * twoFactorEnabled,lastCredentialRotation,administrators}. Required: network (VK, OK, … or the Russian name),
 * url, displayName. Dates 2020-03-01 or 01.03.2020; yes/no as да/нет, true/false, 1/0; administrators
 * separated by semicolons or line breaks inside the cell.
 */
@Service
public class AccountImport {

    private static final Logger log = LoggerFactory.getLogger(AccountImport.class);

    static final List<String> COLUMNS = List.of("network", "url", "displayName", "externalId", "purpose", "createdOn",
            "officialPage", "textDescription", "designedVisuals", "twoFactorEnabled", "lastCredentialRotation",
            "administrators");
    static final List<String> REQUIRED = List.of("network", "url", "displayName");
    static final int MAX_ROWS = 10_000;

    private final AccountRegistry registry;
    private final OrganizationPolicies policies;
    private final AccountDeadlines deadlines;
    private final TransactionTemplate transaction;

    AccountImport(AccountRegistry registry, OrganizationPolicies policies, AccountDeadlines deadlines,
                  PlatformTransactionManager transactions) {
        this.registry = registry;
        this.policies = policies;
        this.deadlines = deadlines;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The outcome of one row; {@code row} counts the header as row 1, as a spreadsheet shows it. */
    public record RowResult(int row, Status status, Long accountId, String url, String field, String message) {
    }

    public enum Status { ACCEPTED, DUPLICATE, ERROR }

    public record Result(String organization, int accepted, int duplicates, int errors, List<RowResult> rows) {
    }

    /**
     * Imports the CSV file into the organization's registry.
     *
     * @throws ru.otklik.organization.UnknownOrganizationException 404
     * @throws ru.otklik.security.OrganizationAccessDeniedException 403: neither administrator nor its registry keeper
     * @throws InvalidFieldException 400 ({@code file}): not UTF-8, no header, a required column missing
     */
    public Result importCsv(String org, byte[] content, Staff staff) {
        OrganizationPolicy policy = policies.get(org);
        staff.requireRole(org, Role.REGISTRY_KEEPER);
        List<List<String>> records = parse(content);
        if (records.isEmpty()) {
            throw new InvalidFieldException("file", "файл пуст: нужна строка заголовка и строки аккаунтов");
        }
        Map<String, Integer> header = header(records.get(0));
        if (records.size() - 1 > MAX_ROWS) {
            throw new InvalidFieldException("file", "не более " + MAX_ROWS + " строк за одну загрузку");
        }
        LocalDate today = deadlines.today(org);
        List<RowResult> results = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> record = records.get(i);
            if (record.stream().allMatch(cell -> cell == null || cell.isBlank())) {
                continue;
            }
            int row = i + 1;
            results.add(importRow(policy, row, cell(record, header), staff.userId(), today));
        }
        int accepted = (int) results.stream().filter(r -> r.status() == Status.ACCEPTED).count();
        int duplicates = (int) results.stream().filter(r -> r.status() == Status.DUPLICATE).count();
        int errors = results.size() - accepted - duplicates;
        log.info("Import into {} by {}: {} accepted, {} duplicates, {} errors", org, staff.userId(), accepted,
                duplicates, errors);
        return new Result(org, accepted, duplicates, errors, results);
    }

    private RowResult importRow(OrganizationPolicy policy, int row, Map<String, String> cells, String actor,
                                LocalDate today) {
        String rawUrl = cells.get("url");
        NetworkDomains.AccountUrl url = null;
        try {
            Network network = AccountRules.network(cells.get("network"), "network");
            AccountRules.requireNetworkOfAct(policy, network, "network");
            url = NetworkDomains.parse(network, rawUrl, "url");
            AccountRegistry.NewAccount account = new AccountRegistry.NewAccount(policy.id(), network, url,
                    AccountRules.requiredText(cells.get("displayName"), "displayName", AccountRules.MAX_DISPLAY_NAME,
                            "название аккаунта"),
                    AccountRules.optionalText(cells.get("externalId"), "externalId", AccountRules.MAX_EXTERNAL_ID),
                    AccountRules.optionalText(cells.get("purpose"), "purpose", AccountRules.MAX_PURPOSE),
                    policy.securityOwner());
            AccountRegistry.ExistingDetails details = new AccountRegistry.ExistingDetails(
                    AccountRules.pastDate(cells.get("createdOn"), "createdOn", today),
                    AccountRules.flag(cells.get("officialPage"), "officialPage", false),
                    AccountRules.flag(cells.get("textDescription"), "textDescription", false),
                    AccountRules.flag(cells.get("designedVisuals"), "designedVisuals", false),
                    AccountRules.flag(cells.get("twoFactorEnabled"), "twoFactorEnabled", false),
                    AccountRules.pastDate(cells.get("lastCredentialRotation"), "lastCredentialRotation", today),
                    AccountRules.administrators(cells.get("administrators"), "administrators"));
            NetworkDomains.AccountUrl key = url;
            if (registry.findLive(key.key()).isPresent()) {
                return duplicate(row, key);
            }
            long id = transaction.execute(status -> registry.insertImported(account, details, actor));
            return new RowResult(row, Status.ACCEPTED, id, url.url(), null, null);
        } catch (DuplicateKeyException e) {
            return duplicate(row, url);
        } catch (InvalidFieldException e) {
            return new RowResult(row, Status.ERROR, null, rawUrl, e.field(), e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Import row {} into {} failed", row, policy.id(), e);
            return new RowResult(row, Status.ERROR, null, rawUrl, null, "строка не загружена: внутренняя ошибка");
        }
    }

    private RowResult duplicate(int row, NetworkDomains.AccountUrl url) {
        return new RowResult(row, Status.DUPLICATE, registry.findLive(url.key()).map(Account::id).orElse(null), url.url(),
                "url", "аккаунт с этой ссылкой уже есть в реестре");
    }

    private static Map<String, Integer> header(List<String> names) {
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i) == null ? "" : names.get(i).trim();
            String known = COLUMNS.stream().filter(c -> c.equalsIgnoreCase(name)).findFirst().orElse(null);
            if (known == null) {
                if (name.isEmpty()) {
                    continue;
                }
                throw new InvalidFieldException("file", "неизвестный столбец «" + name + "»; допустимы: "
                        + String.join(", ", COLUMNS));
            }
            if (header.putIfAbsent(known, i) != null) {
                throw new InvalidFieldException("file", "столбец «" + known + "» указан дважды");
            }
        }
        List<String> missing = REQUIRED.stream().filter(c -> !header.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidFieldException("file", "в строке заголовка нет обязательных столбцов: "
                    + String.join(", ", missing));
        }
        return header;
    }

    private static Map<String, String> cell(List<String> record, Map<String, Integer> header) {
        Map<String, String> cells = new HashMap<>();
        header.forEach((name, index) -> cells.put(name, index < record.size() ? record.get(index) : null));
        return cells;
    }

    /** RFC 4180 records of a UTF-8 text, comma- or semicolon-separated (decided by the header line). */
    static List<List<String>> parse(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidFieldException("file", "файл должен быть в кодировке UTF-8 (в Excel: «CSV UTF-8»)");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int lineEnd = text.indexOf('\n');
        String firstLine = lineEnd < 0 ? text : text.substring(0, lineEnd);
        char separator = firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0 ? ';' : ',';
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
        List<List<String>> records = new ArrayList<>();
        try (MappingIterator<List<String>> rows = mapper.readerForListOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY)
                .with(schema)
                .readValues(text)) {
            while (rows.hasNextValue()) {
                records.add(rows.nextValue());
                if (records.size() > MAX_ROWS + 1) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidFieldException("file", "файл не читается как CSV: " + firstLineOf(e.getMessage()));
        }
        return records;
    }

    private static String firstLineOf(String message) {
        if (message == null) {
            return "ошибка разбора";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).toLowerCase(Locale.ROOT);
    }
}
