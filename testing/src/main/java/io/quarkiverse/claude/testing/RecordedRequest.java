package io.quarkiverse.claude.testing;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One request the {@link ClaudeSimulator} received, as it arrived: for asserting what a client sent.
 *
 * @param time when its body was complete
 * @param method e.g. {@code POST}
 * @param path e.g. {@code /v1/messages}, without the query
 * @param query the raw query string without {@code ?}, or null when the URL had none
 * @param headers header names lower-cased; repeated headers joined with {@code ", "}
 * @param body the body as UTF-8 text, empty when there was none; for a request rejected as too large, only what was
 *        read before the limit (possibly nothing)
 */
public record RecordedRequest(Instant time, String method, String path, String query, Map<String, String> headers,
        String body) {

    public RecordedRequest {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    /** The value of header {@code name} (any case), or null when absent. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /**
     * The body parsed as JSON.
     *
     * @throws IllegalStateException if the body is not JSON
     */
    public JsonNode json() {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new IllegalStateException("The body of " + method + " " + path + " is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The body of " + method + " " + path + " is not JSON: " + e.getOriginalMessage(),
                    e);
        }
    }

    @Override
    public String toString() {
        return "RecordedRequest[" + time + " " + method + " " + path + (query == null ? "" : "?" + query) + ", "
                + body.length() + " chars]";
    }
}
