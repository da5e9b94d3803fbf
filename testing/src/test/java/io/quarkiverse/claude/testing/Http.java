package io.quarkiverse.claude.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A tiny JDK HTTP client for the simulator's tests: sends the API's headers unless told otherwise. */
final class Http {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    Http(ClaudeSimulator sim) {
        this.baseUrl = sim.baseUrl();
    }

    /** The headers a well-behaved client sends. */
    static Map<String, String> apiHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("x-api-key", ClaudeSimulator.DEFAULT_API_KEY);
        h.put("anthropic-version", "2023-06-01");
        h.put("content-type", "application/json");
        return h;
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send("POST", path, body, apiHeaders());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, apiHeaders());
    }

    HttpResponse<String> send(String method, String path, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10));
        headers.forEach(b::header);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpClient client() {
        return client;
    }

    /** A minimal valid messages request body. */
    static String message(String model, int maxTokens, String userText) {
        return "{\"model\":\"" + model + "\",\"max_tokens\":" + maxTokens
                + ",\"messages\":[{\"role\":\"user\",\"content\":" + quote(userText) + "}]}";
    }

    static String streamedMessage(String model, int maxTokens, String userText) {
        return message(model, maxTokens, userText).replaceFirst("^\\{", "{\"stream\":true,");
    }

    static String quote(String s) {
        try {
            return MAPPER.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) throws JsonProcessingException {
        return MAPPER.readTree(response.body());
    }

    /** One parsed server-sent event. */
    record Event(String name, JsonNode data) {
    }

    /**
     * Parses an SSE body strictly: every event is exactly {@code event:} and {@code data:} lines followed by a blank
     * line.
     */
    static List<Event> events(String body) throws JsonProcessingException {
        List<Event> events = new ArrayList<>();
        String[] blocks = body.split("\n\n", -1);
        for (int i = 0; i < blocks.length - 1; i++) {
            String[] lines = blocks[i].split("\n");
            if (lines.length != 2 || !lines[0].startsWith("event: ") || !lines[1].startsWith("data: ")) {
                throw new AssertionError("Malformed SSE event: " + blocks[i]);
            }
            events.add(new Event(lines[0].substring(7), MAPPER.readTree(lines[1].substring(6))));
        }
        if (!blocks[blocks.length - 1].isEmpty()) {
            throw new AssertionError("SSE body does not end with a blank line: " + blocks[blocks.length - 1]);
        }
        return events;
    }

    static List<String> names(List<Event> events) {
        return events.stream().map(Event::name).toList();
    }
}
