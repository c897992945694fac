package ru.otklik.integration.monitoring;

import ru.otklik.account.NetworkDomains;
import ru.otklik.integration.IntakeRequests;
import ru.otklik.integration.monitoring.MonitoringCsv.Column;
import ru.otklik.message.MessageRequest;
import ru.otklik.organization.Network;
import ru.otklik.web.InvalidFieldException;

import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a row of a monitoring export into the {@link MessageRequest} of {@code POST /api/messages}: the
 * organization (the row's, else the import's), the network (code, Russian name or, when empty, the host of
 * the link), times with an offset or in the organization's time zone.
 */
final class MonitoringRows {

    /** Russian names and short forms used by the exports, lower case. */
    private static final Map<String, Network> NETWORK_NAMES = Map.ofEntries(
            Map.entry("вконтакте", Network.VK), Map.entry("вк", Network.VK), Map.entry("vkontakte", Network.VK),
            Map.entry("одноклассники", Network.OK), Map.entry("ок", Network.OK),
            Map.entry("odnoklassniki", Network.OK),
            Map.entry("телеграм", Network.TELEGRAM), Map.entry("телеграмм", Network.TELEGRAM),
            Map.entry("твиттер", Network.TWITTER), Map.entry("x", Network.TWITTER),
            Map.entry("twitter (x)", Network.TWITTER),
            Map.entry("инстаграм", Network.INSTAGRAM), Map.entry("фейсбук", Network.FACEBOOK),
            Map.entry("блог", Network.BLOG), Map.entry("другое", Network.OTHER),
            Map.entry("другая площадка", Network.OTHER));

    /** 24.11.2026 10:05 or 24.11.2026 10:05:30, as Russian exports and Excel write it. */
    private static final DateTimeFormatter RUSSIAN = new DateTimeFormatterBuilder()
            .appendPattern("d.M.uuuu H:mm").optionalStart().appendPattern(":ss").optionalEnd()
            .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0).toFormatter(Locale.ROOT);

    private MonitoringRows() {
    }

    /**
     * @param defaultOrg the import's organization, for rows without one; may be null
     * @param zones      the time zone of an organization, for times without an offset
     * @throws InvalidFieldException naming the column
     */
    static MessageRequest request(MonitoringCsv.Row row, String defaultOrg, Function<String, ZoneId> zones) {
        String org = row.get(Column.ORG) != null ? row.get(Column.ORG) : defaultOrg;
        if (org == null) {
            throw new InvalidFieldException(Column.ORG.name,
                    "организация не указана: заполните столбец или параметр org загрузки");
        }
        String url = row.get(Column.URL);
        Network network = network(row.get(Column.NETWORK), url);
        ZoneId zone = zones.apply(org);
        return IntakeRequests.of(org, network, row.get(Column.EXTERNAL_ID), url, row.get(Column.AUTHOR_NAME),
                row.get(Column.AUTHOR_ID), row.get(Column.TEXT), time(row.get(Column.POSTED_AT), Column.POSTED_AT, zone),
                time(row.get(Column.DETECTED_AT), Column.DETECTED_AT, zone), row.get(Column.TOPIC),
                row.get(Column.LOCATION));
    }

    static Network network(String value, String url) {
        if (value == null) {
            Network byHost = url == null ? null : byHost(url);
            if (byHost == null) {
                throw new InvalidFieldException(Column.NETWORK.name, "сеть не указана и не распознана по ссылке");
            }
            return byHost;
        }
        String name = value.trim().toLowerCase(Locale.ROOT);
        for (Network network : Network.values()) {
            if (network.name().equalsIgnoreCase(name) || name.equalsIgnoreCase(NetworkDomains.title(network))
                    || NetworkDomains.domains(network).contains(name)) {
                return network;
            }
        }
        Network known = NETWORK_NAMES.get(name);
        if (known == null) {
            throw new InvalidFieldException(Column.NETWORK.name, "неизвестная сеть «" + value.trim()
                    + "»; допустимо: VK, OK, TELEGRAM, TWITTER, INSTAGRAM, FACEBOOK, BLOG, OTHER или их русские названия");
        }
        return known;
    }

    private static Network byHost(String url) {
        String host;
        try {
            host = URI.create(url.trim()).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (host == null) {
            return null;
        }
        String normalized = host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        for (Network network : Network.values()) {
            if (NetworkDomains.domains(network).contains(normalized)) {
                return network;
            }
        }
        return null;
    }

    static OffsetDateTime time(String value, Column column, ZoneId zone) {
        if (value == null) {
            return null;
        }
        String text = value.trim();
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeException ignored) {
            // not ISO-8601 with offset: try the local forms below
        }
        try {
            return LocalDateTime.parse(text.replace(' ', 'T')).atZone(zone).toOffsetDateTime();
        } catch (DateTimeException ignored) {
            // not ISO-8601 local
        }
        try {
            return LocalDateTime.parse(text, RUSSIAN).atZone(zone).toOffsetDateTime();
        } catch (DateTimeException e) {
            throw new InvalidFieldException(column.name, "недопустимая дата «" + text + "»: нужны дата и время, "
                    + "например 24.11.2026 10:05 (время организации) или 2026-11-24T10:05:00+07:00");
        }
    }
}
