package io.quarkiverse.claude.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A scripted answer of the {@link ClaudeSimulator}: an error, a broken stream, a dropped connection, a slow answer, a
 * tool call, and so on.
 * <p>
 * Tests hand faults to {@link ClaudeSimulator#enqueue(Fault...)} (one request each) or {@link ClaudeSimulator#always(Fault)}
 * (every request) to check how a client copes with what the real API does on a bad day. A scripted answer (an error,
 * a broken stream, a tool call, ...) answers whatever the request is: it is not checked for size, auth, version or
 * validity, but it is still recorded. {@link #delay(Duration)} and {@link #withExtraFields()} are the exceptions: they
 * change the regular answer, so the regular checks apply.
 * <p>
 * Faults are immutable: the withers ({@link #header(String, String)}, {@link #retryAfterSeconds(long)},
 * {@link #delayed(Duration)}, ...) return new instances, so a fault can be kept in a constant and reused.
 *
 * <pre>
 * sim.enqueue(Fault.overloaded(), Fault.rateLimited().retryAfterMillis(10));
 * sim.always(Fault.error(400, "invalid_request_error", "nope").header("x-should-retry", "false"));
 * </pre>
 */
public final class Fault {

    /** What the simulator does with the request; package-private so the responders can switch on it. */
    enum Kind {
        /** A JSON error body. */
        ERROR,
        /** A raw body with a given content type (HTML page of a proxy, or nothing at all). */
        RAW,
        /** Close the connection without any answer. */
        DROP,
        /** The regular answer of the endpoint (possibly delayed, with extra headers or extra fields). */
        NORMAL,
        /** A 200 SSE stream cut after some deltas, optionally followed by an {@code error} event. */
        BROKEN_STREAM,
        /** A 200 answer whose content is one tool_use block. */
        TOOL_USE,
        /** The regular answer as non-streamed JSON, even for a {@code "stream": true} request. */
        PLAIN_JSON,
        /** A huge 200 JSON message, written with backpressure. */
        LARGE_BODY,
        /** Close the connection with a TCP RST once the request is read. */
        RESET,
        /** A 200 head and part of the body (or of the stream), then a TCP RST. */
        RESET_DURING_BODY,
        /** The regular answer, one byte of its body every interval. */
        DRIP,
        /** A 200 head (and for a stream, optionally message_start), then nothing, held open. */
        STALL,
        /** The regular stream, with lines an SSE parser must ignore between its events. */
        GARBAGE_SSE,
        /** The regular stream with one content_block_delta whose data is not valid JSON. */
        CORRUPT_EVENT,
        /** A 200 answer whose content is one given text block, with a given stop reason. */
        TEXT,
        /** For a structured-output request, JSON that follows the schema but lacks its first required property. */
        SCHEMA_VIOLATION
    }

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC)
            .withLocale(Locale.ROOT);

    private final Kind kind;
    private final int status;
    private final String errorType;
    private final String message;
    private final String errorCode;
    private final String contentType;
    private final String rawBody;
    private final int afterDeltas;
    private final boolean errorEvent;
    private final String toolName;
    private final JsonNode toolInput;
    private final String answerText;
    private final String stopReason;
    private final boolean extraFields;
    private final Duration delay;
    private final Duration eventInterval;
    private final long bodyBytes;
    private final boolean contentLength;
    private final Duration byteInterval;
    private final boolean afterFirstEvent;
    private final Map<String, String> headers;

    private Fault(Builder b) {
        this.kind = b.kind;
        this.status = b.status;
        this.errorType = b.errorType;
        this.message = b.message;
        this.errorCode = b.errorCode;
        this.contentType = b.contentType;
        this.rawBody = b.rawBody;
        this.afterDeltas = b.afterDeltas;
        this.errorEvent = b.errorEvent;
        this.toolName = b.toolName;
        this.toolInput = b.toolInput;
        this.answerText = b.answerText;
        this.stopReason = b.stopReason;
        this.extraFields = b.extraFields;
        this.delay = b.delay;
        this.eventInterval = b.eventInterval;
        this.bodyBytes = b.bodyBytes;
        this.contentLength = b.contentLength;
        this.byteInterval = b.byteInterval;
        this.afterFirstEvent = b.afterFirstEvent;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
    }

    // ---------------------------------------------------------------- factories

    /**
     * An error answer with the documented body
     * {@code {"type":"error","error":{"type":errorType,"message":message},"request_id":"req_..."}}.
     *
     * @param status the HTTP status, e.g. 400
     * @param errorType the {@code error.type}, e.g. {@code invalid_request_error}
     * @param message the {@code error.message}
     */
    public static Fault error(int status, String errorType, String message) {
        checkStatus(status);
        Builder b = new Builder(Kind.ERROR);
        b.status = status;
        b.errorType = Objects.requireNonNull(errorType, "errorType");
        b.message = Objects.requireNonNull(message, "message");
        return new Fault(b);
    }

    /** A 429 {@code rate_limit_error} with {@code retry-after: 1}, as the API sends when a rate limit is hit. */
    public static Fault rateLimited() {
        return error(429, "rate_limit_error",
                "This request would exceed the rate limit for your organization of 4,000 requests per minute. "
                        + "Please try again later.")
                .retryAfterSeconds(1);
    }

    /** A 529 {@code overloaded_error} "Overloaded", as the API sends when it is short of capacity. */
    public static Fault overloaded() {
        return error(529, "overloaded_error", "Overloaded");
    }

    /** A 500 {@code api_error}, an unexpected internal error of the API. */
    public static Fault apiError() {
        return error(500, "api_error", "Internal server error");
    }

    /**
     * A 429 {@code rate_limit_error} for a reached monthly spend limit: no {@code retry-after} header, and
     * {@code error.details.error_code = "enforced_spend_limit_reached"}. Retrying it is futile.
     */
    public static Fault spendLimitReached() {
        Builder b = new Builder(Kind.ERROR);
        b.status = 429;
        b.errorType = "rate_limit_error";
        b.message = "You have reached your specified API usage limits. "
                + "You will regain access on the first day of next month at 00:00 UTC.";
        b.errorCode = "enforced_spend_limit_reached";
        return new Fault(b);
    }

    /**
     * An answer with the given status, {@code content-type} and body, sent as they are with a {@code content-length}
     * (plus the headers every answer has: {@code request-id} and the rate-limit headers). What a broken gateway sends:
     * a 200 with malformed JSON, an empty 200, an HTML 200, a JSON array or {@code {}} where a message is expected...
     *
     * @param status any HTTP status (100..999)
     * @param contentType the {@code content-type} header, or null for none
     * @param body the body, sent in UTF-8
     */
    public static Fault body(int status, String contentType, String body) {
        checkStatus(status);
        Builder b = new Builder(Kind.RAW);
        b.status = status;
        b.contentType = contentType;
        b.rawBody = Objects.requireNonNull(body, "body");
        return new Fault(b);
    }

    /**
     * An HTML page with the given status, as an HTTP proxy or load balancer sends it (no JSON, no request id in the
     * body): {@code body(status, "text/html; charset=utf-8", html)}.
     */
    public static Fault html(int status, String html) {
        return body(status, "text/html; charset=utf-8", Objects.requireNonNull(html, "html"));
    }

    /**
     * An answer with the given status, no {@code content-type} and an empty body ({@code content-length: 0}), e.g. an
     * empty 503 from a proxy: {@code body(status, null, "")}.
     */
    public static Fault emptyBody(int status) {
        return body(status, null, "");
    }

    /**
     * A redirect, as a misconfigured proxy or base URL gets it: the given 3xx status, a {@code location} header, and a
     * short HTML body ({@code text/html; charset=utf-8}) linking to the location.
     *
     * @param status 300..399
     * @param location the {@code location} header, e.g. {@code https://example.com/v1/messages}
     */
    public static Fault redirect(int status, String location) {
        if (status < 300 || status > 399) {
            throw new IllegalArgumentException("Not a redirect status: " + status);
        }
        Objects.requireNonNull(location, "location");
        String escaped = location.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
        return html(status, "<html><body>Moved to <a href=\"" + escaped + "\">" + escaped + "</a></body></html>")
                .header("location", location);
    }

    /**
     * The regular answer ({@code "Echo: ..."}) as the non-streamed JSON message, status 200,
     * {@code content-type: application/json}, also when the request asked {@code "stream": true}: a gateway that
     * ignores streaming.
     */
    public static Fault plainJsonAnswer() {
        return new Fault(new Builder(Kind.PLAIN_JSON));
    }

    /**
     * A huge 200 {@code application/json} answer of exactly {@code bytes} bytes, chunked (no {@code content-length};
     * see {@link #withContentLength()}): a message
     * {@code {"id":"msg_big","type":"message","role":"assistant","content":[{"type":"text","text":"xxx...xxx"}],...}}
     * whose text is padded with {@code x} to the size, valid JSON when read to its end. It is written in chunks as the
     * connection takes them (never built in memory), and no longer once the client closes the connection;
     * {@link SimulatorStats#bodyBytesWritten()} tells how much was written.
     *
     * @param bytes the body size, at least 208 (the message without padding)
     */
    public static Fault largeBody(long bytes) {
        if (bytes < Exchange.LARGE_BODY_MIN_BYTES) {
            throw new IllegalArgumentException(
                    "A large body has at least " + Exchange.LARGE_BODY_MIN_BYTES + " bytes: " + bytes);
        }
        Builder b = new Builder(Kind.LARGE_BODY);
        b.bodyBytes = bytes;
        return new Fault(b);
    }

    /**
     * Closes the TCP connection with a reset (RST, by {@code SO_LINGER} 0) once the request is read, without any
     * answer; a client sees "connection reset" rather than an end of stream. Counts in {@link SimulatorStats#dropped()}.
     */
    public static Fault reset() {
        return new Fault(new Builder(Kind.RESET));
    }

    /**
     * A reset in the middle of the answer. For a non-stream request: the 200 head ({@code application/json}, the
     * {@code content-length} of the whole regular answer) and the first half of the body, then, 50 ms later, a TCP
     * reset (RST). For a {@code "stream": true} request: the 200 SSE head and the stream up to its first
     * {@code content_block_delta} ({@code message_start}, {@code content_block_start}, {@code ping}, one delta), then,
     * 50 ms later, a reset. Counts in
     * {@link SimulatorStats#dropped()}, not as a 200.
     */
    public static Fault resetDuringBody() {
        return new Fault(new Builder(Kind.RESET_DURING_BODY));
    }

    /**
     * A body slower than a client's timeout: the 200 head at once, then the regular answer's body one byte every
     * {@code interval} (on a timer), until its end or until the client closes the connection. A non-stream request
     * gets the JSON message ({@code content-length} of the whole body); a {@code "stream": true} request gets the SSE
     * stream (chunked, one byte per chunk; a client that closes early shows in
     * {@link SimulatorStats#streamsClosedByClient()}).
     */
    public static Fault drip(Duration interval) {
        Builder b = new Builder(Kind.DRIP);
        b.byteInterval = nonNegative(interval, "interval");
        return new Fault(b);
    }

    /**
     * A stream that never starts: for a {@code "stream": true} request, the 200 {@code text/event-stream} head and
     * then nothing, the connection held open until the client closes it (which counts in
     * {@link SimulatorStats#streamsClosedByClient()}). For a non-stream request, the 200 JSON head (with the
     * {@code content-length} of the regular answer) and no body, held open the same way.
     */
    public static Fault stallBeforeFirstEvent() {
        return new Fault(new Builder(Kind.STALL));
    }

    /**
     * A stream that stalls after its start: as {@link #stallBeforeFirstEvent()}, but a stream gets its
     * {@code message_start} event before the silence.
     */
    public static Fault stallAfterFirstEvent() {
        Builder b = new Builder(Kind.STALL);
        b.afterFirstEvent = true;
        return new Fault(b);
    }

    /**
     * The regular stream, complete with {@code message_stop} and the same text, with what an SSE parser must ignore
     * between and inside its events: comment lines ({@code : keep-alive}), an event of only a comment, unknown fields
     * ({@code foo: bar}), {@code retry: 1000}, {@code id: 7}, and extra blank lines. For a non-stream request, the
     * regular JSON answer.
     */
    public static Fault garbageSseLines() {
        return new Fault(new Builder(Kind.GARBAGE_SSE));
    }

    /**
     * A stream with one corrupt event: after {@code afterDeltas} {@code content_block_delta} events, the next one is
     * an {@code event: content_block_delta} whose {@code data:} is its JSON cut in the middle of the text (not valid
     * JSON; when the answer has fewer deltas, the corrupt one follows the last); the stream then goes on normally to
     * {@code message_stop}, so a client that skips the bad event ends "successfully" with text missing. For a
     * non-stream request: a 200 {@code application/json} whose body is the first half of the regular message, with
     * the {@code content-length} of what is sent (a clean but malformed answer).
     */
    public static Fault corruptEvent(int afterDeltas) {
        Builder b = new Builder(Kind.CORRUPT_EVENT);
        b.afterDeltas = checkDeltas(afterDeltas);
        return new Fault(b);
    }

    /** Closes the TCP connection once the request is read, without sending any response. */
    public static Fault dropConnection() {
        return new Fault(new Builder(Kind.DROP));
    }

    /** Waits {@code d} (on a timer, the event loop is never blocked), then answers normally. */
    public static Fault delay(Duration d) {
        return new Fault(new Builder(Kind.NORMAL)).delayed(d);
    }

    /**
     * A stream that fails midway: for a {@code "stream": true} request, a 200 SSE stream with {@code afterDeltas}
     * {@code content_block_delta} events, then {@code event: error} with
     * {@code {"type":"error","error":{"type":errorType,"message":message}}}, and the end of the stream (no
     * {@code message_stop}). For a non-stream request it is the plain error with the status of {@code errorType}
     * (500 when the type is unknown).
     */
    public static Fault streamError(int afterDeltas, String errorType, String message) {
        Builder b = new Builder(Kind.BROKEN_STREAM);
        b.afterDeltas = checkDeltas(afterDeltas);
        b.errorEvent = true;
        b.errorType = Objects.requireNonNull(errorType, "errorType");
        b.message = Objects.requireNonNull(message, "message");
        b.status = ErrorTypes.statusOf(errorType);
        return new Fault(b);
    }

    /**
     * A stream that just stops: a 200 SSE stream that ends after {@code afterDeltas} deltas, without
     * {@code message_stop}. For a non-stream request, the simulator sends the first half of the normal JSON body and
     * closes the connection.
     */
    public static Fault truncatedStream(int afterDeltas) {
        Builder b = new Builder(Kind.BROKEN_STREAM);
        b.afterDeltas = checkDeltas(afterDeltas);
        return new Fault(b);
    }

    /**
     * A normal 200 messages answer whose content is one {@code tool_use} block (id {@code toolu_sim_<n>}, the given
     * name and input) with {@code stop_reason: "tool_use"}. Streamed (the input in {@code input_json_delta} chunks of
     * {@code partial_json}) when the request has {@code "stream": true}. The follow-up request, whose last user message
     * holds only the {@code tool_result} blocks, gets the regular answer {@code "Echo: <the tool results' text>"}, so a
     * test can check that the result reached the model.
     *
     * @param inputJson the tool input, a JSON object such as {@code {"city":"Paris"}}
     * @throws IllegalArgumentException if {@code inputJson} is not a JSON object
     */
    public static Fault toolUse(String toolName, String inputJson) {
        Builder b = new Builder(Kind.TOOL_USE);
        b.toolName = Objects.requireNonNull(toolName, "toolName");
        try {
            JsonNode input = Json.MAPPER.readTree(Objects.requireNonNull(inputJson, "inputJson"));
            if (input == null || !input.isObject()) {
                throw new IllegalArgumentException("Tool input must be a JSON object: " + inputJson);
            }
            b.toolInput = input;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Tool input is not valid JSON: " + inputJson, e);
        }
        return new Fault(b);
    }

    /**
     * A 200 messages answer whose content is one text block holding {@code text}, with {@code stop_reason:
     * "end_turn"} (streamed when the request has {@code "stream": true}). For a structured-output request, a text that
     * is not JSON (or not the schema's) shows how a client copes with an answer that does not fit.
     */
    public static Fault textAnswer(String text) {
        Builder b = new Builder(Kind.TEXT);
        b.answerText = Objects.requireNonNull(text, "text");
        b.stopReason = "end_turn";
        return new Fault(b);
    }

    /** A refusal: {@code stop_reason: "refusal"}, with a short text that says so. */
    public static Fault refusal() {
        Builder b = new Builder(Kind.TEXT);
        b.answerText = "I can't help with that request.";
        b.stopReason = "refusal";
        return new Fault(b);
    }

    /**
     * For a request with {@code output_config.format.type: "json_schema"}: the JSON the simulator would answer, which
     * follows the schema, without the first required property of its top-level object, so that it breaks the schema.
     * (The API constrains the model to the schema; this is the rare answer that does not fit, or a proxy's damage.) A
     * request without a schema gets the regular answer.
     */
    public static Fault schemaViolation() {
        return new Fault(new Builder(Kind.SCHEMA_VIOLATION));
    }

    /**
     * The normal answer, plus fields no client knows yet at every level: a top-level {@code sim_future_field}, a
     * content block of the unknown type {@code sim_future_block} ({@code {"type":"sim_future_block","payload":{"a":1}}}),
     * an unknown field in {@code usage}, and, in streams, an unknown event type. Checks a client's forward compatibility.
     */
    public static Fault withExtraFields() {
        Builder b = new Builder(Kind.NORMAL);
        b.extraFields = true;
        return new Fault(b);
    }

    // ---------------------------------------------------------------- withers

    /** Adds {@code retry-after: <s>} (seconds). */
    public Fault retryAfterSeconds(long s) {
        return header("retry-after", Long.toString(s));
    }

    /** Adds {@code retry-after-ms: <ms>}, which the SDKs prefer over {@code retry-after}. */
    public Fault retryAfterMillis(long ms) {
        return header("retry-after-ms", Long.toString(ms));
    }

    /** Adds {@code retry-after} as an RFC 1123 HTTP date, e.g. {@code Wed, 25 Nov 2026 13:00:00 GMT}. */
    public Fault retryAfterDate(Instant at) {
        return header("retry-after", HTTP_DATE.format(Objects.requireNonNull(at, "at")));
    }

    /** Adds (or replaces) a response header, e.g. {@code header("x-should-retry", "false")}. */
    public Fault header(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Builder b = new Builder(this);
        b.headers.put(name.toLowerCase(Locale.ROOT), value);
        return new Fault(b);
    }

    /**
     * For a {@link #largeBody(long)}: sends {@code content-length: <bytes>} instead of a chunked body.
     *
     * @throws IllegalStateException for any other fault
     */
    public Fault withContentLength() {
        if (kind != Kind.LARGE_BODY) {
            throw new IllegalStateException("Only a large body takes a content-length: " + this);
        }
        Builder b = new Builder(this);
        b.contentLength = true;
        return new Fault(b);
    }

    /** Waits {@code d} before answering with this fault (on a timer, the event loop is never blocked). */
    public Fault delayed(Duration d) {
        Builder b = new Builder(this);
        b.delay = nonNegative(d, "delay");
        return new Fault(b);
    }

    /**
     * A slow generation: the normal answer, whose SSE events, for a {@code "stream": true} request, are written one
     * every {@code interval} instead of all at once (a non-stream answer is not affected). A client that closes the
     * stream early shows in {@link SimulatorStats#streamsClosedByClient()}.
     */
    public static Fault slowStream(Duration interval) {
        return new Fault(new Builder(Kind.NORMAL)).eventsEvery(interval);
    }

    /** Writes the SSE events of this fault's stream (if it has one) one every {@code interval}, on a timer. */
    public Fault eventsEvery(Duration interval) {
        Builder b = new Builder(this);
        b.eventInterval = nonNegative(interval, "interval");
        return new Fault(b);
    }

    // ---------------------------------------------------------------- package-private accessors

    Kind kind() {
        return kind;
    }

    int status() {
        return status;
    }

    String errorType() {
        return errorType;
    }

    String message() {
        return message;
    }

    /** The {@code error.details.error_code}, or null. */
    String errorCode() {
        return errorCode;
    }

    /** Content type of a {@link Kind#RAW} body, or null for none. */
    String contentType() {
        return contentType;
    }

    String rawBody() {
        return rawBody;
    }

    int afterDeltas() {
        return afterDeltas;
    }

    /** Whether a broken stream ends with an {@code error} event. */
    boolean errorEvent() {
        return errorEvent;
    }

    String toolName() {
        return toolName;
    }

    JsonNode toolInput() {
        return toolInput.deepCopy();
    }

    boolean extraFields() {
        return extraFields;
    }

    String answerText() {
        return answerText;
    }

    String stopReason() {
        return stopReason;
    }

    Duration eventInterval() {
        return eventInterval;
    }

    Duration delay() {
        return delay;
    }

    /** The size of a {@link Kind#LARGE_BODY}. */
    long bodyBytes() {
        return bodyBytes;
    }

    /** Whether a {@link Kind#LARGE_BODY} has a content-length (else it is chunked). */
    boolean contentLength() {
        return contentLength;
    }

    /** The pace of a {@link Kind#DRIP}. */
    Duration byteInterval() {
        return byteInterval;
    }

    /** Whether a {@link Kind#STALL}ed stream sends its message_start first. */
    boolean afterFirstEvent() {
        return afterFirstEvent;
    }

    Map<String, String> headers() {
        return headers;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Fault[").append(kind);
        if (status != 0) {
            s.append(' ').append(status);
        }
        if (errorType != null) {
            s.append(' ').append(errorType);
        }
        if (kind == Kind.BROKEN_STREAM || kind == Kind.CORRUPT_EVENT) {
            s.append(" afterDeltas=").append(afterDeltas);
        }
        if (kind == Kind.RAW) {
            s.append(" content-type=").append(contentType).append(" body=").append(rawBody.length()).append(" chars");
        }
        if (kind == Kind.LARGE_BODY) {
            s.append(' ').append(bodyBytes).append(" bytes").append(contentLength ? " content-length" : " chunked");
        }
        if (kind == Kind.DRIP) {
            s.append(" byteEvery=").append(byteInterval);
        }
        if (kind == Kind.STALL) {
            s.append(afterFirstEvent ? " afterFirstEvent" : " beforeFirstEvent");
        }
        if (toolName != null) {
            s.append(" tool=").append(toolName);
        }
        if (extraFields) {
            s.append(" extraFields");
        }
        if (!delay.isZero()) {
            s.append(" delay=").append(delay);
        }
        if (!eventInterval.isZero()) {
            s.append(" eventsEvery=").append(eventInterval);
        }
        if (!headers.isEmpty()) {
            s.append(" headers=").append(headers);
        }
        return s.append(']').toString();
    }

    private static Duration nonNegative(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative()) {
            throw new IllegalArgumentException("Negative " + what + ": " + d);
        }
        return d;
    }

    private static void checkStatus(int status) {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("Not an HTTP status: " + status);
        }
    }

    private static int checkDeltas(int afterDeltas) {
        if (afterDeltas < 0) {
            throw new IllegalArgumentException("afterDeltas must be >= 0: " + afterDeltas);
        }
        return afterDeltas;
    }

    /** Mutable twin used by the factories and withers only. */
    private static final class Builder {
        private final Kind kind;
        private int status;
        private String errorType;
        private String message;
        private String errorCode;
        private String contentType;
        private String rawBody;
        private int afterDeltas;
        private boolean errorEvent;
        private String toolName;
        private JsonNode toolInput;
        private String answerText;
        private String stopReason;
        private boolean extraFields;
        private Duration delay = Duration.ZERO;
        private Duration eventInterval = Duration.ZERO;
        private long bodyBytes;
        private boolean contentLength;
        private Duration byteInterval = Duration.ZERO;
        private boolean afterFirstEvent;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Builder(Kind kind) {
            this.kind = kind;
        }

        private Builder(Fault f) {
            this.kind = f.kind;
            this.status = f.status;
            this.errorType = f.errorType;
            this.message = f.message;
            this.errorCode = f.errorCode;
            this.contentType = f.contentType;
            this.rawBody = f.rawBody;
            this.afterDeltas = f.afterDeltas;
            this.errorEvent = f.errorEvent;
            this.toolName = f.toolName;
            this.toolInput = f.toolInput;
            this.answerText = f.answerText;
            this.stopReason = f.stopReason;
            this.extraFields = f.extraFields;
            this.delay = f.delay;
            this.eventInterval = f.eventInterval;
            this.bodyBytes = f.bodyBytes;
            this.contentLength = f.contentLength;
            this.byteInterval = f.byteInterval;
            this.afterFirstEvent = f.afterFirstEvent;
            this.headers.putAll(f.headers);
        }
    }
}
