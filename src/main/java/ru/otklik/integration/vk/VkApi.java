package ru.otklik.integration.vk;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import ru.otklik.integration.posting.PublishingException;
import ru.otklik.integration.posting.PublishingException.Kind;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Calls methods of the VK API ({@code POST <base-url>/<method>}, form-encoded; the token travels in the body,
 * never in a URL or a log line). VK reports most errors inside an HTTP 200 body ({@code {"error": {...}}}):
 * they become a {@link PublishingException} of the kind that decides what happens next.
 */
@Component
class VkApi {

    /** Too many requests per second, flood control, rate limit, VK's unknown or internal error: retry later. */
    static final Set<Integer> TEMPORARY = Set.of(1, 6, 9, 10, 29);
    /** Authorization failed, permission or access denied, group or application authorization failed. */
    static final Set<Integer> ACCESS = Set.of(5, 7, 15, 27, 28, 203);

    private final VkApiProperties properties;
    private volatile Endpoint endpoint;

    private record Endpoint(String baseUrl, RestClient client) {
    }

    VkApi(VkApiProperties properties) {
        this.properties = properties;
        use(properties.baseUrl(), properties.readTimeout());
    }

    /**
     * Points the client at another server (a local fake VK in tests).
     *
     * @see #reset()
     */
    void use(String baseUrl, Duration readTimeout) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(readTimeout);
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        endpoint = new Endpoint(base, RestClient.builder().requestFactory(requests).build());
    }

    /** Back to the configured server. */
    void reset() {
        use(properties.baseUrl(), properties.readTimeout());
    }

    /**
     * @return the {@code response} of the method's answer
     * @throws PublishingException TEMPORARY when VK could not be reached, timed out, answered 5xx or 429, or
     *                             reported a temporary error; ACCESS for a refused token; REFUSED otherwise
     */
    JsonNode call(long groupId, String method, Map<String, String> params, String token) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        params.forEach(form::add);
        form.add("access_token", token);
        form.add("v", properties.version());
        Endpoint current = endpoint;
        JsonNode body;
        try {
            body = current.client().post().uri(current.baseUrl() + "/" + method)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(form)
                    .retrieve()
                    .body(JsonNode.class);
        } catch (ResourceAccessException e) {
            throw new PublishingException(Kind.TEMPORARY, "ВКонтакте не ответил на " + method
                    + " вовремя или недоступен.", e);
        } catch (RestClientResponseException e) {
            int status = e.getStatusCode().value();
            boolean temporary = status == 429 || e.getStatusCode().is5xxServerError();
            throw new PublishingException(temporary ? Kind.TEMPORARY : Kind.REFUSED,
                    "ВКонтакте ответил на " + method + " статусом HTTP " + status + ".", e);
        } catch (RestClientException e) {
            throw new PublishingException(Kind.TEMPORARY, "Ответ ВКонтакте на " + method + " не читается.", e);
        }
        if (body == null) {
            throw new PublishingException(Kind.TEMPORARY, "ВКонтакте вернул пустой ответ на " + method + ".");
        }
        JsonNode error = body.path("error");
        if (error.isObject()) {
            throw error(groupId, method, error.path("error_code").asInt(0), error.path("error_msg").asText(""));
        }
        return body.path("response");
    }

    /**
     * Whether the call may have been carried out although it failed: VK was not heard (a timeout, a broken
     * connection, a 5xx or an unreadable answer), as opposed to an error VK reported. Such failures carry the
     * cause; an error VK reported has none.
     */
    static boolean outcomeUnknown(PublishingException e) {
        return e.getCause() != null;
    }

    private static PublishingException error(long groupId, String method, int code, String message) {
        String vk = "ошибка " + code + (message.isBlank() ? "" : " «" + message + "»");
        if (TEMPORARY.contains(code)) {
            return new PublishingException(Kind.TEMPORARY, "ВКонтакте временно не выполнил " + method + " (" + vk
                    + "): слишком много запросов или сбой на стороне ВКонтакте.");
        }
        if (ACCESS.contains(code)) {
            return new PublishingException(Kind.ACCESS, "ВКонтакте отказал в доступе к сообществу " + groupId + " ("
                    + vk + "): ключ доступа недействителен или не даёт прав на " + method + ". Хранитель реестра "
                    + "задаёт новый ключ: PUT /api/integrations/vk/communities/" + groupId + "/token.");
        }
        return new PublishingException(Kind.REFUSED, "ВКонтакте не принял " + method + " (" + vk + ").");
    }
}
