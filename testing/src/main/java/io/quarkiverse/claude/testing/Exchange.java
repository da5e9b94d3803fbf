package io.quarkiverse.claude.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * One request being answered: writes the response with the headers every answer carries ({@code request-id}, the
 * rate-limit headers, then the headers of the request budget and of a {@link Fault}, which replace those of the same
 * name) in the API's formats: JSON, error, SSE, raw, or nothing.
 */
final class Exchange {

    private static final String JSON_TYPE = "application/json";
    private static final String JSONL_TYPE = "application/x-jsonl";

    private final HttpServerRequest request;
    private final RecordedRequest recorded;
    private final String requestId;
    private final RateLimits rateLimits;
    private final Map<String, String> extraHeaders;
    private final StatsCounter stats;
    private long inputTokens;
    private long outputTokens;
    private Duration eventInterval = Duration.ZERO;

    Exchange(HttpServerRequest request, RecordedRequest recorded, String requestId, RateLimits rateLimits,
            Map<String, String> extraHeaders, StatsCounter stats) {
        this.request = request;
        this.stats = stats;
        this.recorded = recorded;
        this.requestId = requestId;
        this.rateLimits = rateLimits;
        this.extraHeaders = extraHeaders;
    }

    RecordedRequest request() {
        return recorded;
    }

    /** Writes the events of a stream one every {@code interval} (zero: all at once). */
    void eventInterval(Duration interval) {
        this.eventInterval = interval;
    }

    /** The token usage of the answer, for the rate-limit headers. */
    void usage(long input, long output) {
        this.inputTokens = input;
        this.outputTokens = output;
    }

    void json(int status, JsonNode body) {
        send(status, JSON_TYPE, body.toString());
    }

    /** The documented error body, with this exchange's request id; {@code errorCode} (may be null) goes in details. */
    void error(int status, String type, String message, String errorCode) {
        ObjectNode body = Json.object().put("type", "error");
        ObjectNode error = body.putObject("error").put("type", type).put("message", message);
        if (errorCode != null) {
            error.putObject("details").put("error_code", errorCode);
        }
        body.put("request_id", requestId);
        json(status, body);
    }

    /** A body as it is; {@code contentType} null for none. */
    void raw(int status, String contentType, String body) {
        send(status, contentType, body);
    }

    /**
     * A 200 SSE stream of {@code events}, then the end of the response. The events are written one by one, as separate
     * chunks.
     */
    void stream(List<SseEvent> events) {
        HttpServerResponse response = start(200, "text/event-stream; charset=utf-8");
        if (response == null) {
            return;
        }
        response.putHeader("cache-control", "no-cache");
        response.setChunked(true);
        if (eventInterval.isZero()) {
            for (SseEvent event : events) {
                response.write(event.wire());
            }
            response.end();
        } else {
            paced(response, events.iterator(), Vertx.currentContext().owner());
        }
    }

    /** One event now, the next after {@link #eventInterval}, until the end or until the client closes. */
    private void paced(HttpServerResponse response, Iterator<SseEvent> events, Vertx vertx) {
        if (response.closed()) {
            stats.streamClosedByClient();
            return;
        }
        if (!events.hasNext()) {
            response.end();
            return;
        }
        response.write(events.next().wire());
        vertx.setTimer(Math.max(1, eventInterval.toMillis()), id -> paced(response, events, vertx));
    }

    /**
     * A 200 JSON Lines body ({@code application/x-jsonl}), one JSON object per line, written in chunks (chunked
     * transfer) as the connection takes them, so that a client can read it line by line.
     */
    void jsonLines(Iterator<? extends JsonNode> lines) {
        HttpServerResponse response = start(200, JSONL_TYPE);
        if (response == null) {
            return;
        }
        response.setChunked(true);
        writeLines(response, lines);
    }

    private static void writeLines(HttpServerResponse response, Iterator<? extends JsonNode> lines) {
        while (lines.hasNext()) {
            if (response.closed()) {
                return;
            }
            response.write(lines.next().toString() + "\n");
            if (response.writeQueueFull()) {
                response.drainHandler(ignored -> writeLines(response, lines));
                return;
            }
        }
        response.end();
    }

    /** Sends a 200 JSON head and the first half of {@code body}, then closes the connection. */
    void halfJson(JsonNode body) {
        HttpServerResponse response = start(200, JSON_TYPE);
        if (response == null) {
            return;
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        response.putHeader("content-length", Integer.toString(bytes.length));
        response.write(Buffer.buffer(bytes).getBuffer(0, bytes.length / 2))
                .onComplete(done -> request.connection().close());
    }

    /** Closes the connection without answering. */
    void drop() {
        stats.dropped();
        request.connection().close();
    }

    private void send(int status, String contentType, String body) {
        HttpServerResponse response = start(status, contentType);
        if (response != null) {
            response.end(body);
        }
    }

    /** Status and common headers; null when the client is gone already (e.g. it gave up during a delay). */
    private HttpServerResponse start(int status, String contentType) {
        HttpServerResponse response = request.response();
        if (response.closed() || response.ended()) {
            return null;
        }
        response.setStatusCode(status);
        stats.answered(status);
        if (status == 529) {
            response.setStatusMessage("Overloaded"); // Netty knows no reason phrase for it
        }
        if (contentType != null) {
            response.putHeader("content-type", contentType);
        }
        response.putHeader("request-id", requestId);
        rateLimits.consume(inputTokens, outputTokens).forEach(response::putHeader);
        extraHeaders.forEach(response::putHeader);
        return response;
    }
}
