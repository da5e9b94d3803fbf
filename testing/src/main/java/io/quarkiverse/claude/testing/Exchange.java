package io.quarkiverse.claude.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * One request being answered: writes the response with the headers every answer carries ({@code request-id}, the
 * rate-limit headers, then the headers of the request budget and of a {@link Fault}, which replace those of the same
 * name) in the API's formats: JSON, error, SSE, raw, or nothing; and the broken forms of the faults (cut, reset,
 * dripped, stalled, huge). Counts the body bytes it hands to the connection.
 */
final class Exchange {

    private static final String JSON_TYPE = "application/json";
    private static final String JSONL_TYPE = "application/x-jsonl";
    /** How long after the part of the body it sends a reset during the body comes. */
    private static final long RESET_AFTER_MILLIS = 50;
    static final String SSE_TYPE = "text/event-stream; charset=utf-8";

    /** How a large body starts: a text message whose text is the padding. */
    private static final byte[] LARGE_BODY_START = ("{\"id\":\"msg_big\",\"type\":\"message\",\"role\":\"assistant\","
            + "\"content\":[{\"type\":\"text\",\"text\":\"").getBytes(StandardCharsets.UTF_8);
    /** How a large body ends, after the padding. */
    private static final byte[] LARGE_BODY_END = ("\"}],\"model\":\"claude-simulator\",\"stop_reason\":\"end_turn\","
            + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}")
            .getBytes(StandardCharsets.UTF_8);
    /** The smallest large body: no padding at all. */
    static final int LARGE_BODY_MIN_BYTES = LARGE_BODY_START.length + LARGE_BODY_END.length;
    /** One chunk of padding; only read, so it can be written again and again. */
    private static final Buffer PADDING = Buffer.buffer("x".repeat(64 * 1024));

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

    /** A 200 whose body is a stored file's content, streamed from disk. */
    void file(String contentType, java.nio.file.Path content, long size) {
        HttpServerResponse response = start(200, contentType);
        if (response != null) {
            stats.bodyBytesWritten(size);
            response.exceptionHandler(ignored -> {
                // a client that stops reading closes the connection mid-file: nobody to tell
            });
            response.sendFile(content.toString()).onFailure(ignored -> {
            });
        }
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
        streamWire(events.stream().map(SseEvent::wire).toList());
    }

    /**
     * A 200 SSE stream of these pieces of wire text (events, or anything else), then the end of the response; each
     * piece is a chunk, written all at once or one every {@link #eventInterval}.
     */
    void streamWire(List<String> pieces) {
        HttpServerResponse response = startStream();
        if (response == null) {
            return;
        }
        if (eventInterval.isZero()) {
            for (String piece : pieces) {
                write(response, piece);
            }
            response.end();
        } else {
            paced(response, pieces.iterator(), Vertx.currentContext().owner());
        }
    }

    /** One piece now, the next after {@link #eventInterval}, until the end or until the client closes. */
    private void paced(HttpServerResponse response, Iterator<String> pieces, Vertx vertx) {
        if (response.closed()) {
            stats.streamClosedByClient();
            return;
        }
        if (!pieces.hasNext()) {
            response.end();
            return;
        }
        write(response, pieces.next());
        vertx.setTimer(Math.max(1, eventInterval.toMillis()), id -> paced(response, pieces, vertx));
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

    private void writeLines(HttpServerResponse response, Iterator<? extends JsonNode> lines) {
        while (lines.hasNext()) {
            if (response.closed()) {
                return;
            }
            write(response, lines.next().toString() + "\n");
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
        write(response, Buffer.buffer(bytes).getBuffer(0, bytes.length / 2))
                .onComplete(done -> request.connection().close());
    }

    /** Closes the connection without answering. */
    void drop() {
        stats.dropped();
        request.connection().close();
    }

    /** Resets the connection (TCP RST) without answering. */
    void reset() {
        stats.dropped();
        rst();
    }

    /**
     * Sends a 200 head of {@code contentType} and the first {@code sent} bytes of {@code body} (with the
     * {@code content-length} of the whole body, or chunked, as a stream, when {@code chunked}), then, 50 ms later,
     * resets the connection, as a network does that breaks in the middle of an answer (not in the same packet as its
     * head). Counts as dropped, not as a 200.
     */
    void resetDuringBody(String contentType, byte[] body, int sent, boolean chunked) {
        HttpServerResponse response = request.response();
        if (response.closed() || response.ended()) {
            return;
        }
        stats.dropped();
        head(response, 200, contentType);
        if (chunked) {
            response.putHeader("cache-control", "no-cache");
            response.setChunked(true);
        } else {
            response.putHeader("content-length", Integer.toString(body.length));
        }
        write(response, Buffer.buffer(body).getBuffer(0, sent))
                .onComplete(done -> Vertx.currentContext().owner().setTimer(RESET_AFTER_MILLIS, id -> rst()));
    }

    /**
     * Closes the connection with a TCP RST: {@code SO_LINGER} 0 on the Netty channel under the Vert.x connection,
     * then close. (A plain close, with its FIN, when the connection is not Netty's.)
     */
    private void rst() {
        HttpConnection connection = request.connection();
        if (connection instanceof ConnectionBase base) {
            Channel channel = base.channel();
            channel.config().setOption(ChannelOption.SO_LINGER, 0);
            channel.close();
        } else {
            connection.close();
        }
    }

    /**
     * A 200 {@code application/json} body of exactly {@code bytes} bytes (a text message padded with {@code x}),
     * chunked or with a {@code content-length}, written as the connection drains, until its end or until the client
     * closes.
     */
    void largeJson(long bytes, boolean contentLength) {
        HttpServerResponse response = start(200, JSON_TYPE);
        if (response == null) {
            return;
        }
        if (contentLength) {
            response.putHeader("content-length", Long.toString(bytes));
        } else {
            response.setChunked(true);
        }
        write(response, Buffer.buffer(LARGE_BODY_START));
        pad(response, bytes - LARGE_BODY_MIN_BYTES);
    }

    private void pad(HttpServerResponse response, long left) {
        long rest = left;
        while (rest > 0) {
            if (response.closed()) {
                return;
            }
            int n = (int) Math.min(PADDING.length(), rest);
            write(response, n == PADDING.length() ? PADDING : PADDING.getBuffer(0, n));
            rest -= n;
            if (response.writeQueueFull()) {
                long later = rest;
                response.drainHandler(ignored -> pad(response, later));
                return;
            }
        }
        if (!response.closed()) {
            write(response, Buffer.buffer(LARGE_BODY_END));
            response.end();
        }
    }

    /**
     * A 200 head at once, then {@code body} one byte every {@code interval} (on a timer), until its end or until the
     * client closes. A stream ({@code sse}) is chunked, one byte a chunk; JSON has the {@code content-length} of the
     * whole body.
     */
    void drip(byte[] body, boolean sse, Duration interval) {
        HttpServerResponse response = sse ? startStream() : start(200, JSON_TYPE);
        if (response == null) {
            return;
        }
        if (!sse) {
            response.putHeader("content-length", Integer.toString(body.length));
        }
        response.writeHead();
        Vertx vertx = Vertx.currentContext().owner();
        long millis = Math.max(1, interval.toMillis());
        vertx.setTimer(millis, id -> dripFrom(response, body, 0, sse, millis, vertx));
    }

    private void dripFrom(HttpServerResponse response, byte[] body, int at, boolean sse, long millis, Vertx vertx) {
        if (response.closed()) {
            if (sse) {
                stats.streamClosedByClient();
            }
            return;
        }
        if (at == body.length) {
            response.end();
            return;
        }
        write(response, Buffer.buffer(new byte[] { body[at] }));
        vertx.setTimer(millis, id -> dripFrom(response, body, at + 1, sse, millis, vertx));
    }

    /**
     * A 200 head and then nothing (but {@code firstEvent}, when not null), the connection held open until the client
     * closes it. A stream ({@code firstEvent} or {@code sse}) closed so counts as closed by the client; a JSON head has
     * a {@code content-length} of {@code jsonLength}.
     */
    void stall(boolean sse, String firstEvent, int jsonLength) {
        HttpServerResponse response = sse ? startStream() : start(200, JSON_TYPE);
        if (response == null) {
            return;
        }
        if (sse) {
            response.closeHandler(ignored -> stats.streamClosedByClient());
        } else {
            response.putHeader("content-length", Integer.toString(jsonLength));
        }
        if (firstEvent != null) {
            write(response, firstEvent);
        } else {
            response.writeHead();
        }
    }

    private void send(int status, String contentType, String body) {
        HttpServerResponse response = start(status, contentType);
        if (response != null) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            stats.bodyBytesWritten(bytes.length);
            response.end(Buffer.buffer(bytes));
        }
    }

    private Future<Void> write(HttpServerResponse response, String text) {
        return write(response, Buffer.buffer(text));
    }

    /** Every body byte goes through here, to be counted. */
    private Future<Void> write(HttpServerResponse response, Buffer chunk) {
        stats.bodyBytesWritten(chunk.length());
        return response.write(chunk);
    }

    /** A 200 SSE head, chunked; null when the client is gone already. */
    private HttpServerResponse startStream() {
        HttpServerResponse response = start(200, SSE_TYPE);
        if (response != null) {
            response.putHeader("cache-control", "no-cache");
            response.setChunked(true);
        }
        return response;
    }

    /** Status and common headers, counted; null when the client is gone already (e.g. it gave up during a delay). */
    private HttpServerResponse start(int status, String contentType) {
        HttpServerResponse response = request.response();
        if (response.closed() || response.ended()) {
            return null;
        }
        stats.answered(status);
        head(response, status, contentType);
        return response;
    }

    private void head(HttpServerResponse response, int status, String contentType) {
        response.setStatusCode(status);
        if (status == 529) {
            response.setStatusMessage("Overloaded"); // Netty knows no reason phrase for it
        }
        if (contentType != null) {
            response.putHeader("content-type", contentType);
        }
        response.putHeader("request-id", requestId);
        rateLimits.consume(inputTokens, outputTokens).forEach(response::putHeader);
        extraHeaders.forEach(response::putHeader);
    }
}
