package io.quarkiverse.claude.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The floor of the per-call section: a JDK {@code HttpClient} (HTTP/1.1) and Jackson into records, nothing else. */
final class RawJdkClient implements CallLoad.Blocking {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RawMessage(String id, String model, List<RawBlock> content, @JsonProperty("stop_reason") String stopReason,
            RawUsage usage) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RawBlock(String type, String text) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RawUsage(@JsonProperty("input_tokens") int inputTokens, @JsonProperty("output_tokens") int outputTokens) {
    }

    record RawParam(String role, String content) {
    }

    record RawRequest(String model, @JsonProperty("max_tokens") int maxTokens, List<RawParam> messages) {
    }

    private final HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI messages;

    RawJdkClient(String baseUrl) {
        messages = URI.create(baseUrl + "/v1/messages");
    }

    @Override
    public void call() throws Exception {
        byte[] body = BenchApp.MAPPER.writeValueAsBytes(new RawRequest(BenchApp.MODEL, 256,
                List.of(new RawParam("user", "Hello"))));
        HttpResponse<byte[]> r = jdk.send(HttpRequest.newBuilder(messages)
                .header("x-api-key", "sk-ant-api03-bench-key").header("anthropic-version", "2023-06-01")
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("status " + r.statusCode());
        }
        RawMessage m = BenchApp.MAPPER.readValue(r.body(), RawMessage.class);
        if (m.content().isEmpty()) {
            throw new IllegalStateException("no content");
        }
    }
}
