package io.quarkiverse.claude.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The 413 for bodies over {@code maxBodyBytes}, with a small limit to keep it fast. */
class SimulatorBodyLimitTest {

    private static final int LIMIT = 1024;
    private static final int BATCH_LIMIT = 4 * LIMIT;

    @RegisterExtension
    static final RunningSimulator running = new RunningSimulator(SimulatorOptions.defaults().maxBodyBytes(LIMIT)
            .maxBatchBodyBytes(BATCH_LIMIT));

    @Test
    void declaredLengthOverTheLimit() throws Exception {
        HttpResponse<String> r = running.http().post("/v1/messages", bodyOf(LIMIT + 1));

        SimulatorApiTest.assertError(r, 413, "request_too_large", null);
        assertEquals(1, running.sim().requests().size());
        assertEquals(200, running.http().post("/v1/messages", bodyOf(100)).statusCode(), "the connection is still usable");
    }

    @Test
    void chunkedBodyOverTheLimit() throws Exception {
        byte[] body = bodyOf(3 * LIMIT).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(running.sim().baseUrl() + "/v1/messages"))
                .header("x-api-key", "k").header("anthropic-version", "2023-06-01")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        HttpResponse<String> r = running.http().client().send(request, HttpResponse.BodyHandlers.ofString());

        SimulatorApiTest.assertError(r, 413, "request_too_large", null);
        assertNull(running.sim().lastRequest().header("content-length"), "sent without a length");
        assertEquals(LIMIT, running.sim().lastRequest().body().length(), "recorded up to the limit");
    }

    @Test
    void bodyAtTheLimitIsFine() throws Exception {
        assertEquals(200, running.http().post("/v1/messages", bodyOf(LIMIT)).statusCode());
    }

    @Test
    void sizeIsCheckedBeforeAuth() throws Exception {
        HttpResponse<String> r = running.http().send("POST", "/v1/messages", bodyOf(LIMIT + 1), Map.of());

        assertEquals(413, r.statusCode());
    }

    @Test
    void aScriptedFaultStillAnswersFirst() throws Exception {
        running.sim().enqueue(Fault.overloaded());

        assertEquals(529, running.http().post("/v1/messages", bodyOf(LIMIT + 1)).statusCode());
    }

    @Test
    void batchCreationHasItsOwnLimit() throws Exception {
        String batch = "{\"requests\":[{\"custom_id\":\"a\",\"params\":" + bodyOf(2 * LIMIT) + "}]}";
        assertEquals(200, running.http().post("/v1/messages/batches", batch).statusCode(), "over the messages limit");
        String tooLarge = "{\"requests\":[{\"custom_id\":\"a\",\"params\":" + bodyOf(BATCH_LIMIT) + "}]}";
        SimulatorApiTest.assertError(running.http().post("/v1/messages/batches", tooLarge), 413, "request_too_large",
                null);
        SimulatorApiTest.assertError(running.http().post("/v1/messages", bodyOf(2 * LIMIT)), 413, "request_too_large",
                null);
    }

    @Test
    void defaultLimitsAreTheApis() {
        assertEquals(32L << 20, SimulatorOptions.DEFAULT_MAX_BODY_BYTES);
        assertEquals(256L << 20, SimulatorOptions.DEFAULT_MAX_BATCH_BODY_BYTES);
        assertTrue(SimulatorOptions.defaults().toString().contains("maxBatchBodyBytes=" + (256L << 20)));
    }

    /** A valid messages request of exactly {@code size} bytes (ASCII). */
    private static String bodyOf(int size) {
        String head = "{\"model\":\"claude-opus-4-8\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"";
        String tail = "\"}]}";
        return head + "x".repeat(size - head.length() - tail.length()) + tail;
    }
}
