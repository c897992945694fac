package ru.otklik.account;

import ru.otklik.organization.Network;
import ru.otklik.organization.OrganizationPolicy;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The rules an account entry must satisfy, without the engine or the database. */
public final class AccountRules {

    static final int MAX_DISPLAY_NAME = 255;
    static final int MAX_EXTERNAL_ID = 255;
    static final int MAX_PURPOSE = 1000;
    static final int MAX_ADMINISTRATOR = 255;
    static final int MAX_ADMINISTRATORS = 50;
    private static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private AccountRules() {
    }

    /**
     * ACC-1: an organization keeps accounts only in the networks its act names; otherwise the error names the
     * act and the networks it allows.
     */
    public static void requireNetworkOfAct(OrganizationPolicy policy, Network network, String field) {
        if (network == null) {
            throw new AccountValidationException(field, "укажите социальную сеть");
        }
        if (!policy.networks().contains(network)) {
            throw new AccountValidationException(field, "сеть «" + NetworkDomains.title(network)
                    + "» не предусмотрена актом организации «" + policy.shortName() + "»: " + actName(policy)
                    + " (ACC-1). Допустимые сети: " + networkTitles(policy.networks()));
        }
    }

    /** «Приказ … от 18.02.2021 № 16». */
    public static String actName(OrganizationPolicy policy) {
        OrganizationPolicy.Act act = policy.act();
        return act.title() + " от " + act.date().format(RUSSIAN_DATE) + " № " + act.number();
    }

    static String networkTitles(Set<Network> networks) {
        return Arrays.stream(Network.values()).filter(networks::contains).map(NetworkDomains::title)
                .collect(Collectors.joining(", "));
    }

    /** A network named in a request or an import row: its code (VK) or Russian name (ВКонтакте). */
    public static Network network(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new AccountValidationException(field, "укажите социальную сеть");
        }
        String text = value.trim();
        for (Network network : Network.values()) {
            if (network.name().equalsIgnoreCase(text) || NetworkDomains.title(network).equalsIgnoreCase(text)) {
                return network;
            }
        }
        throw new AccountValidationException(field, "неизвестная сеть «" + text + "»; допустимо: "
                + Arrays.stream(Network.values()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    /** A required text of at most {@code max} characters, trimmed. */
    public static String requiredText(String value, String field, int max, String what) {
        String text = optionalText(value, field, max);
        if (text == null) {
            throw new AccountValidationException(field, "укажите " + what);
        }
        return text;
    }

    /** An optional text of at most {@code max} characters, trimmed; blank is null. */
    public static String optionalText(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        if (text.length() > max) {
            throw new AccountValidationException(field, "не длиннее " + max + " символов");
        }
        return text;
    }

    /** A date as forms and CSV files give it: 2026-11-19 (also with a time, which is ignored) or 19.11.2026. */
    public static LocalDate date(Object value, String field) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof java.util.Date date) {
            return date.toInstant().atZone(ru.otklik.calendar.WorkSchedule.DEFAULT_ZONE).toLocalDate();
        }
        String text = value.toString().trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            if (text.matches("\\d{2}\\.\\d{2}\\.\\d{4}")) {
                return LocalDate.parse(text, RUSSIAN_DATE);
            }
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new AccountValidationException(field, "нужна дата в виде 2026-11-19 или 19.11.2026");
        }
    }

    /** A date that must not lie after {@code today}. */
    public static LocalDate pastDate(Object value, String field, LocalDate today) {
        LocalDate date = date(value, field);
        if (date != null && date.isAfter(today)) {
            throw new AccountValidationException(field, "дата не может быть позже сегодняшней ("
                    + today.format(RUSSIAN_DATE) + ")");
        }
        return date;
    }

    /** A yes/no value from a form or a CSV cell: true/false, да/нет, 1/0; blank is {@code fallback}. */
    public static boolean flag(Object value, String field, boolean fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "" -> fallback;
            case "true", "да", "1", "yes", "+" -> true;
            case "false", "нет", "0", "no", "-" -> false;
            default -> throw new AccountValidationException(field, "нужно «да» или «нет»");
        };
    }

    /**
     * The administrators of an account from a list or a text with one name per line (also separated by
     * semicolons or commas); duplicates dropped, order kept.
     */
    public static List<String> administrators(Object value, String field) {
        List<String> raw = new ArrayList<>();
        if (value instanceof Iterable<?> items) {
            items.forEach(item -> raw.add(item == null ? "" : item.toString()));
        } else if (value != null) {
            raw.addAll(Arrays.asList(value.toString().split("[\\r\\n;,]+")));
        }
        Set<String> names = new LinkedHashSet<>();
        for (String name : raw) {
            String trimmed = name.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.length() > MAX_ADMINISTRATOR) {
                throw new AccountValidationException(field, "имя администратора не длиннее " + MAX_ADMINISTRATOR + " символов");
            }
            names.add(trimmed);
        }
        if (names.size() > MAX_ADMINISTRATORS) {
            throw new AccountValidationException(field, "не более " + MAX_ADMINISTRATORS + " администраторов");
        }
        return List.copyOf(names);
    }

    static String format(LocalDate date) {
        return date == null ? "—" : date.format(RUSSIAN_DATE);
    }
}
