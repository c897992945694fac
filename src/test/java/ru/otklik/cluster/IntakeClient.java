package ru.otklik.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A monitoring system reporting messages with {@code POST /api/messages} (demo user {@code monitoring}), as a
 * careful one does: a connection error or a 5xx is retried with a growing, jittered pause, since the intake is
 * idempotent.
 */
final class IntakeClient {

    static final String[] ORGANIZATIONS = {"kuzbass-gov", "minsoc", "minzdrav", "nkr", "zags"};

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String AUTHORIZATION = "Basic " + Base64.getEncoder()
            .encodeToString("monitoring:demo".getBytes(StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The final answer and how many attempts it took. */
    record Answer(int status, JsonNode body, int attempts) {

        String businessKey() {
            return body.path("businessKey").asText(null);
        }

        long id() {
            return body.path("id").asLong();
        }
    }

    /**
     * A VK comment of organization {@code org} with a unique author, so that no message counts as a repeat of
     * another (MSG-20).
     *
     * @param detectedAt null: the time of the request
     */
    static Map<String, Object> message(String org, String externalId, OffsetDateTime detectedAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("org", org);
        body.put("network", "VK");
        body.put("externalId", externalId);
        body.put("authorName", "Автор " + externalId);
        body.put("authorId", "id-" + externalId);
        body.put("text", "Когда откроют запись на приём? (" + externalId + ")");
        if (detectedAt != null) {
            body.put("detectedAt", detectedAt.toString());
        }
        return body;
    }

    /** One attempt. */
    Answer post(ClusterNode node, Map<String, Object> message) throws IOException, InterruptedException {
        return post(node.uri("/api/messages"), message);
    }

    /** One attempt at {@code intake}, the {@code /api/messages} of a node or of the load balancer. */
    Answer post(URI intake, Map<String, Object> message) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request(intake, message), HttpResponse.BodyHandlers.ofByteArray());
        byte[] body = response.body();
        return new Answer(response.statusCode(), body.length == 0 ? JSON.nullNode() : JSON.readTree(body), 1);
    }

    /**
     * Attempts until an answer other than a 5xx arrives or {@code budget} is spent; the last answer (or the
     * connection error) counts then.
     */
    Answer postUntilAnswered(ClusterNode node, Map<String, Object> message, Duration budget) {
        long giveUpAt = System.nanoTime() + budget.toNanos();
        for (int attempt = 1; ; attempt++) {
            Answer answer = null;
            Exception failure = null;
            try {
                answer = post(node, message);
                if (answer.status() < 500) {
                    return new Answer(answer.status(), answer.body(), attempt);
                }
            } catch (IOException e) {
                failure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (System.nanoTime() - giveUpAt > 0) {
                if (answer != null) {
                    return new Answer(answer.status(), answer.body(), attempt);
                }
                throw new IllegalStateException("No answer for " + message.get("externalId") + " after " + attempt
                        + " attempts", failure);
            }
            ClusterNode.pause(Duration.ofMillis(Math.min(100L << Math.min(attempt, 5), 2_000L)
                    + ThreadLocalRandom.current().nextLong(100)));
        }
    }

    /** The raw HTTP/1.1 request, for a client that sends and never reads the answer. */
    static byte[] rawRequest(ClusterNode node, Map<String, Object> message) {
        byte[] body = json(message);
        String head = "POST /api/messages HTTP/1.1\r\n"
                + "Host: localhost:" + node.port() + "\r\n"
                + "Authorization: " + AUTHORIZATION + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    private static HttpRequest request(URI intake, Map<String, Object> message) {
        return HttpRequest.newBuilder(intake)
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", AUTHORIZATION)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json(message)))
                .build();
    }

    private static byte[] json(Map<String, Object> message) {
        try {
            return JSON.writeValueAsBytes(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
