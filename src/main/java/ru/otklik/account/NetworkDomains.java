package ru.otklik.account;

import ru.otklik.organization.Network;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one place that knows which web addresses belong to which network, the networks' Russian names and
 * how an account URL is normalized, so that one URL is registered once.
 */
public final class NetworkDomains {

    private static final Map<Network, List<String>> DOMAINS = new EnumMap<>(Map.of(
            Network.VK, List.of("vk.com", "vk.ru", "m.vk.com"),
            Network.OK, List.of("ok.ru"),
            Network.TELEGRAM, List.of("t.me"),
            Network.TWITTER, List.of("twitter.com", "x.com"),
            Network.INSTAGRAM, List.of("instagram.com"),
            Network.FACEBOOK, List.of("facebook.com", "fb.com")));

    private static final Map<Network, String> TITLES = new EnumMap<>(Map.of(
            Network.VK, "ВКонтакте",
            Network.OK, "Одноклассники",
            Network.TELEGRAM, "Telegram",
            Network.TWITTER, "Twitter (X)",
            Network.INSTAGRAM, "Instagram",
            Network.FACEBOOK, "Facebook",
            Network.BLOG, "Блог",
            Network.OTHER, "Другая площадка"));

    private NetworkDomains() {
    }

    /** A normalized account URL and its key, the host and path without scheme, which must be unique. */
    public record AccountUrl(String url, String key) {
    }

    /** The hosts of a network's pages; empty for BLOG (any https host) and OTHER (any host). */
    public static List<String> domains(Network network) {
        return DOMAINS.getOrDefault(network, List.of());
    }

    /** The network's Russian name, as the public registry and error messages show it. */
    public static String title(Network network) {
        return TITLES.get(network);
    }

    /**
     * Parses and normalizes an account URL and checks that it belongs to the network: lowercase scheme and
     * host, no {@code www.}, no default port, no fragment, no trailing slash.
     *
     * @throws AccountValidationException naming {@code field} when the URL is malformed or of another network
     */
    public static AccountUrl parse(Network network, String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw new AccountValidationException(field, "укажите ссылку на аккаунт");
        }
        URI uri;
        try {
            uri = new URI(raw.trim());
        } catch (URISyntaxException e) {
            throw new AccountValidationException(field, "некорректная ссылка (позиция " + (e.getIndex() + 1) + ")");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                || uri.getHost().isBlank()) {
            throw new AccountValidationException(field, "нужна абсолютная ссылка, начинающаяся с https:// или http://");
        }
        if (uri.getRawUserInfo() != null) {
            throw new AccountValidationException(field, "ссылка не должна содержать имя пользователя или пароль");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        List<String> allowed = domains(network);
        if (network == Network.BLOG && !scheme.equals("https")) {
            throw new AccountValidationException(field, "ссылка на блог должна начинаться с https://");
        }
        if (!allowed.isEmpty() && !allowed.contains(host)) {
            throw new AccountValidationException(field, "ссылка " + raw.trim() + " не относится к сети «"
                    + title(network) + "»: допустимы адреса на " + String.join(", ", allowed));
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String query = uri.getRawQuery() == null || uri.getRawQuery().isEmpty() ? "" : "?" + uri.getRawQuery();
        String authority = host + (defaultPort ? "" : ":" + port);
        String key = authority + path + query;
        if (key.length() > 990) {
            throw new AccountValidationException(field, "ссылка длиннее 990 символов");
        }
        return new AccountUrl(scheme + "://" + key, key);
    }
}
