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
        TOOL_USE
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
    private final boolean extraFields;
    private final Duration delay;
    private final Duration eventInterval;
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
        this.extraFields = b.extraFields;
        this.delay = b.delay;
        this.eventInterval = b.eventInterval;
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

    /** An HTML page with the given status, as an HTTP proxy or load balancer sends it (no JSON, no request id in the body). */
    public static Fault html(int status, String html) {
        checkStatus(status);
        Builder b = new Builder(Kind.RAW);
        b.status = status;
        b.contentType = "text/html; charset=utf-8";
        b.rawBody = Objects.requireNonNull(html, "html");
        return new Fault(b);
    }

    /** An answer with the given status and an empty body, e.g. an empty 503 from a proxy. */
    public static Fault emptyBody(int status) {
        checkStatus(status);
        Builder b = new Builder(Kind.RAW);
        b.status = status;
        b.rawBody = "";
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

    Duration eventInterval() {
        return eventInterval;
    }

    Duration delay() {
        return delay;
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
        if (kind == Kind.BROKEN_STREAM) {
            s.append(" afterDeltas=").append(afterDeltas);
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
        private boolean extraFields;
        private Duration delay = Duration.ZERO;
        private Duration eventInterval = Duration.ZERO;
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
            this.extraFields = f.extraFields;
            this.delay = f.delay;
            this.eventInterval = f.eventInterval;
            this.headers.putAll(f.headers);
        }
    }
}
