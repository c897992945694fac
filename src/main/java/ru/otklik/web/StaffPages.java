package ru.otklik.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Shared parts of the server-rendered staff pages ({@code /absences}, {@code /moderation}): the same-origin check
 * of their form POSTs, the Content-Security-Policy, HTML escaping and the response.
 *
 * <p>The pages log in with HTTP Basic in the stateless API security chain, which has no CSRF tokens, yet a browser
 * re-sends cached Basic credentials with any request to this host. Form POSTs are therefore protected by a
 * same-origin check instead of a token: a POST is refused when its {@code Origin} (or, without it,
 * {@code Referer}) names another host or port, or when {@code Sec-Fetch-Site} is present and not
 * {@code same-origin}. Browsers send {@code Origin} on every POST and page scripts cannot forge these headers;
 * clients that send none of them (curl) are not browsers acting on a user's behalf.
 */
public final class StaffPages {

    /** The pages run no scripts. */
    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; style-src 'self' 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";
    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private StaffPages() {
    }

    /** The same-origin check of form POSTs, in place of a CSRF token (see the class comment). */
    public static boolean sameOrigin(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equalsIgnoreCase("same-origin")) {
            return false;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        String source = origin != null ? origin : request.getHeader(HttpHeaders.REFERER);
        if (source == null) {
            return true;
        }
        try {
            URI uri = URI.create(source.trim());
            if (uri.getHost() == null || uri.getScheme() == null) {
                return false; // includes "Origin: null" (sandboxed frames, file:)
            }
            return uri.getHost().equalsIgnoreCase(request.getServerName())
                    && port(uri.getPort(), uri.getScheme()) == request.getServerPort();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(int port, String scheme) {
        return port != -1 ? port : "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }

    /** A value escaped for HTML text and attributes; {@code null} as empty. */
    public static String escape(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value, StandardCharsets.UTF_8.name());
    }

    /** A page with the policy header, never cached. */
    public static ResponseEntity<String> respond(HttpStatus status, String html) {
        return ResponseEntity.status(status).contentType(HTML)
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(html);
    }

    /** 303 to a page after a successful form POST. */
    public static ResponseEntity<String> seeOther(URI page) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(page)
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY).build();
    }
}
