package io.quarkiverse.claude.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkiverse.claude.ClaudeCallEvent;
import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.ClaudeClientName;
import io.quarkiverse.claude.errors.AuthenticationException;
import io.quarkiverse.claude.errors.BillingException;
import io.quarkiverse.claude.errors.ClaudeApiException;
import io.quarkiverse.claude.errors.ClaudeConnectionException;
import io.quarkiverse.claude.errors.ClaudeException;
import io.quarkiverse.claude.errors.ClientTimeoutException;
import io.quarkiverse.claude.errors.ConflictException;
import io.quarkiverse.claude.errors.IncompleteStreamException;
import io.quarkiverse.claude.errors.InternalServerException;
import io.quarkiverse.claude.errors.InvalidRequestException;
import io.quarkiverse.claude.errors.NotFoundException;
import io.quarkiverse.claude.errors.OverloadedException;
import io.quarkiverse.claude.errors.PermissionException;
import io.quarkiverse.claude.errors.RateLimitException;
import io.quarkiverse.claude.errors.RequestTooLargeException;
import io.quarkiverse.claude.errors.ServerTimeoutException;
import io.quarkiverse.claude.errors.UnexpectedResponseException.Reason;
import io.quarkiverse.claude.errors.UnexpectedResponseException;
import io.quarkiverse.claude.model.Message;
import io.quarkiverse.claude.model.MessageAccumulator;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.model.batch.BatchResult;
import io.quarkiverse.claude.model.stream.MessageStartEvent;
import io.quarkiverse.claude.model.stream.StreamEvent;
import io.quarkiverse.claude.testing.Fault;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The fault matrix: every kind of failure the client can meet (each documented error class, answers that are not the
 * API's, transport failures) times every API that sends a request, against the "matrix" client (one retry per
 * retryable class, 500 ms per attempt and between stream events, 1 MB answer limit). Each cell checks the typed
 * failure, the attempts the simulator saw, that what the server sent before the failure reached the caller, the wall
 * time, that no connection and no thread is left behind, and what was logged.
 */
@QuarkusTest
@TestProfile(ResilienceProfile.class)
class FaultMatrixTest extends SimulatorTest {

    static final MessageRequest REQUEST = MessageRequest.of("one two three four five six");
    /** The simulator's answer to {@link #REQUEST}, streamed one word a delta. */
    static final String FULL_TEXT = "Echo: one two three four five six";
    /** The text of the first {@code content_block_delta}. */
    static final String FIRST_DELTA = "Echo: ";
    static final String BATCH_ID = "msgbatch_matrix";
    static final String LOCATION = "https://elsewhere.example/v1/messages";
    static final Duration WAIT = Duration.ofSeconds(10);
    static final long LARGE = 200_000_000L;

    @Inject
    @ClaudeClientName("matrix")
    ClaudeClient claude;

    @Inject
    @ClaudeClientName("offline")
    ClaudeClient offline;

    @Inject
    CallLog callLog;

    // ---------------------------------------------------------------- the APIs

    /** Every API that sends a request; each runs its call and records what the caller observed. */
    enum Api {
        CREATE {
            @Override
            Object call(ClaudeClient c, Observed o) {
                return c.messages().create(REQUEST);
            }
        },
        CREATE_ASYNC {
            @Override
            Object call(ClaudeClient c, Observed o) {
                return c.messages().createAsync(REQUEST).await().atMost(WAIT);
            }
        },
        STREAM {
            @Override
            Object call(ClaudeClient c, Observed o) {
                return c.messages().stream(REQUEST).onItem().invoke(o.events::add).collect().asList().await()
                        .atMost(WAIT);
            }
        },
        STREAM_TEXT {
            @Override
            Object call(ClaudeClient c, Observed o) {
                return c.messages().stream(REQUEST, o.texts::add);
            }
        },
        STREAM_EVENTS {
            @Override
            Object call(ClaudeClient c, Observed o) {
                try (Stream<StreamEvent> s = c.messages().streamEvents(REQUEST)) {
                    s.forEach(o.events::add);
                }
                return null;
            }
        },
        COUNT_TOKENS {
            @Override
            Object call(ClaudeClient c, Observed o) {
                return c.messages().countTokens(REQUEST);
            }
        },
        MODELS_LIST {
            @Override
            Object call(ClaudeClient c, Observed o) {
                return c.models().list();
            }
        },
        BATCH_RESULTS {
            @Override
            Object call(ClaudeClient c, Observed o) {
                return c.batches().results(BATCH_ID).onItem().invoke(o.results::add).collect().asList().await()
                        .atMost(WAIT);
            }
        };

        abstract Object call(ClaudeClient client, Observed observed);

        Observed observe(ClaudeClient client) {
            Observed o = new Observed();
            long start = System.nanoTime();
            try {
                o.value = call(client, o);
            } catch (Throwable t) {
                o.failure = t;
            }
            o.millis = (System.nanoTime() - start) / 1_000_000;
            return o;
        }

        boolean streams() {
            return STREAMS.contains(this);
        }
    }

    static final Set<Api> ALL = EnumSet.allOf(Api.class);
    /** The APIs that answer one JSON document. */
    static final Set<Api> JSON = EnumSet.of(Api.CREATE, Api.CREATE_ASYNC, Api.COUNT_TOKENS, Api.MODELS_LIST);
    /** The APIs that make a {@code "stream": true} request. */
    static final Set<Api> STREAMS = EnumSet.of(Api.STREAM, Api.STREAM_TEXT, Api.STREAM_EVENTS);
    static final Set<Api> CREATES = EnumSet.of(Api.CREATE, Api.CREATE_ASYNC);

    /** What the caller of one cell observed. */
    static final class Observed {
        final List<StreamEvent> events = new CopyOnWriteArrayList<>();
        final List<String> texts = new CopyOnWriteArrayList<>();
        final List<BatchResult> results = new CopyOnWriteArrayList<>();
        volatile Object value;
        volatile Throwable failure;
        long millis;

        /** The text that reached the caller: of the deltas, or the pieces handed to the text consumer. */
        String deliveredText(Api api) {
            if (api == Api.STREAM_TEXT) {
                return String.join("", texts);
            }
            return events.stream().map(StreamEvent::textOrNull).filter(t -> t != null).collect(Collectors.joining());
        }

        long messageStarts() {
            return events.stream().filter(e -> e instanceof MessageStartEvent).count();
        }

        @Override
        public String toString() {
            return "failure=" + (failure == null ? "none" : failure.getClass().getSimpleName() + ": " + failure.getMessage())
                    + ", " + millis + " ms, events=" + events.stream().map(StreamEvent::type).toList() + ", texts="
                    + texts + ", results=" + results.size();
        }
    }

    // ---------------------------------------------------------------- expectations

    /** What one cell must observe. */
    static final class Expect {
        Class<? extends Throwable> type;
        int attempts;
        Integer status;
        Reason reason;
        /** The text that must have reached the caller before the failure (or in all, on success). */
        String delivered = "";
        boolean messageStart;
        boolean connectionsClosed;
        long minMillis;
        long maxMillis = 3_000;
        final List<Consumer<Throwable>> checks = new ArrayList<>();

        static Expect failure(Class<? extends Throwable> type, int attempts) {
            Expect e = new Expect();
            e.type = type;
            e.attempts = attempts;
            return e;
        }

        static Expect success(String text) {
            Expect e = new Expect();
            e.attempts = 1;
            e.delivered = text;
            e.messageStart = true;
            return e;
        }

        static Expect unexpected(Reason reason, int status) {
            Expect e = failure(UnexpectedResponseException.class, 1);
            e.reason = reason;
            e.status = status;
            return e;
        }

        Expect status(int status) {
            this.status = status;
            return this;
        }

        Expect delivered(String text, boolean messageStart) {
            this.delivered = text;
            this.messageStart = messageStart;
            return this;
        }

        /** No connection of the cell may outlive it (stalled, dripping, huge or cut answers). */
        Expect closesConnections() {
            this.connectionsClosed = true;
            return this;
        }

        Expect within(long minMillis, long maxMillis) {
            this.minMillis = minMillis;
            this.maxMillis = maxMillis;
            return this;
        }

        Expect check(Consumer<Throwable> check) {
            checks.add(check);
            return this;
        }

        Expect requestId() {
            return check(e -> assertTrue(((ClaudeException) e).requestId().isPresent(), "a request id"));
        }

        Expect errorType(String type) {
            return check(e -> assertEquals(type, ((ClaudeApiException) e).errorType(), "error.type"));
        }
    }

    /** A fault, scripted for every request of a cell, and what each API must observe (null: not a cell). */
    record Row(String name, Supplier<Fault> fault, Function<Api, Expect> expect) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Row error(String name, Fault fault, Class<? extends ClaudeApiException> type, int status, String errorType,
            int attempts) {
        return new Row(name, () -> fault, api -> Expect.failure(type, attempts).status(status).errorType(errorType)
                .requestId());
    }

    /**
     * An answer that is not the API's: the JSON APIs get {@code json} (with the request id, and {@code jsonCheck}), the
     * batch results {@code json} too, the streams NOT_A_STREAM.
     */
    static Row badAnswer(String name, Fault fault, Reason json, Consumer<Throwable> jsonCheck) {
        return new Row(name, () -> fault, api -> api.streams()
                ? Expect.unexpected(Reason.NOT_A_STREAM, 200).requestId()
                : api == Api.BATCH_RESULTS ? Expect.unexpected(json, 200).requestId()
                        : Expect.unexpected(json, 200).requestId().check(jsonCheck));
    }

    static Stream<Row> rows() {
        Consumer<Throwable> none = e -> {
        };
        return Stream.of(
                // 1. each documented error class
                error("400 invalid_request_error", Fault.error(400, "invalid_request_error", "bad field"),
                        InvalidRequestException.class, 400, "invalid_request_error", 1),
                error("401 authentication_error", Fault.error(401, "authentication_error", "invalid x-api-key"),
                        AuthenticationException.class, 401, "authentication_error", 1),
                error("402 billing_error", Fault.error(402, "billing_error", "credit balance too low"),
                        BillingException.class, 402, "billing_error", 1),
                error("403 permission_error", Fault.error(403, "permission_error", "not allowed"),
                        PermissionException.class, 403, "permission_error", 1),
                error("404 not_found_error", Fault.error(404, "not_found_error", "no such thing"),
                        NotFoundException.class, 404, "not_found_error", 1),
                error("409 conflict_error", Fault.error(409, "conflict_error", "conflict"),
                        ConflictException.class, 409, "conflict_error", 2),
                error("413 request_too_large", Fault.error(413, "request_too_large", "too large"),
                        RequestTooLargeException.class, 413, "request_too_large", 1),
                error("429 rate_limit_error", Fault.rateLimited().retryAfterMillis(5),
                        RateLimitException.class, 429, "rate_limit_error", 2),
                error("429 spend limit reached", Fault.spendLimitReached(),
                        RateLimitException.class, 429, "rate_limit_error", 1),
                error("500 api_error", Fault.apiError(), InternalServerException.class, 500, "api_error", 2),
                error("504 timeout_error", Fault.error(504, "timeout_error", "Request timed out"),
                        ServerTimeoutException.class, 504, "timeout_error", 2),
                error("529 overloaded_error", Fault.overloaded(), OverloadedException.class, 529, "overloaded_error", 2),
                new Row("HTML 502", () -> Fault.html(502, "<html><body>502 Bad Gateway</body></html>"),
                        api -> Expect.failure(ClaudeApiException.class, 2).status(502).errorType(null)),
                // 2. bad answers
                badAnswer("200 malformed JSON", Fault.body(200, "application/json", "{\"id\":"), Reason.NOT_JSON,
                        e -> assertTrue(((UnexpectedResponseException) e).bodyExcerpt().startsWith("{\"id\":"),
                                "the body excerpt: " + ((UnexpectedResponseException) e).bodyExcerpt())),
                // cut inside a value, past the fields data binding reads first: still not JSON, not another shape
                badAnswer("200 JSON cut mid-value", Fault.body(200, "application/json",
                        "{\"id\":\"msg_1\",\"type\":\"mess"), Reason.NOT_JSON, none),
                badAnswer("200 empty", Fault.body(200, "application/json", ""), Reason.EMPTY, none),
                badAnswer("200 HTML", Fault.html(200, "<html><title>Sign in</title></html>"), Reason.NOT_JSON,
                        e -> assertTrue(((UnexpectedResponseException) e).contentType().orElse("").startsWith("text/html"),
                                "the content type: " + ((UnexpectedResponseException) e).contentType())),
                badAnswer("200 JSON array", Fault.body(200, "application/json", "[1,2]"), Reason.WRONG_SHAPE, none),
                badAnswer("200 empty object", Fault.body(200, "application/json", "{}"), Reason.WRONG_SHAPE, none),
                new Row("plain JSON answer to a stream", Fault::plainJsonAnswer,
                        api -> api.streams() ? Expect.unexpected(Reason.NOT_A_STREAM, 200).requestId() : null),
                new Row("301 redirect", () -> Fault.redirect(301, LOCATION),
                        api -> Expect.unexpected(Reason.REDIRECT, 301)
                                .check(e -> assertTrue(e.getMessage().contains(LOCATION), "the message names " + LOCATION))),
                new Row("200 MB body", () -> Fault.largeBody(LARGE),
                        api -> (api.streams() ? Expect.unexpected(Reason.NOT_A_STREAM, 200)
                                : Expect.unexpected(Reason.TOO_LARGE, 200)).closesConnections()),
                new Row("200 MB body with content-length", () -> Fault.largeBody(LARGE).withContentLength(),
                        api -> JSON.contains(api) ? Expect.unexpected(Reason.TOO_LARGE, 200).closesConnections() : null),
                // 3. transport
                new Row("reset before the body", Fault::reset,
                        api -> Expect.failure(ClaudeConnectionException.class, 2).closesConnections()),
                new Row("reset during the body", Fault::resetDuringBody,
                        api -> (api.streams()
                                ? Expect.failure(ClaudeConnectionException.class, 1).delivered(FIRST_DELTA, true)
                                : Expect.failure(ClaudeConnectionException.class, 2)).closesConnections()),
                new Row("drip slower than the timeout", () -> Fault.drip(Duration.ofMillis(100)),
                        api -> Expect.failure(ClientTimeoutException.class, 2).within(950, 4_000).closesConnections()),
                new Row("stall before the first event", Fault::stallBeforeFirstEvent,
                        api -> Expect.failure(ClientTimeoutException.class, 2).within(950, 4_000).closesConnections()),
                new Row("stall after the first event", Fault::stallAfterFirstEvent,
                        api -> (api.streams()
                                ? Expect.failure(ClientTimeoutException.class, 1).delivered("", true).within(450, 4_000)
                                : Expect.failure(ClientTimeoutException.class, 2).within(950, 4_000))
                                .closesConnections()),
                new Row("truncated stream", () -> Fault.truncatedStream(1),
                        api -> api.streams()
                                ? Expect.failure(IncompleteStreamException.class, 1).delivered(FIRST_DELTA, true)
                                        .check(e -> assertTrue(((IncompleteStreamException) e).contentDelivered(),
                                                "contentDelivered()"))
                                : CREATES.contains(api)
                                        ? Expect.failure(ClaudeConnectionException.class, 2).closesConnections()
                                        : null),
                new Row("empty stream", () -> Fault.body(200, "text/event-stream", ""),
                        api -> api.streams()
                                ? Expect.failure(IncompleteStreamException.class, 2)
                                        .check(e -> assertFalse(((IncompleteStreamException) e).contentDelivered(),
                                                "contentDelivered()"))
                                : null),
                new Row("garbage SSE lines", Fault::garbageSseLines,
                        api -> api.streams() ? Expect.success(FULL_TEXT) : null),
                new Row("corrupt SSE event", () -> Fault.corruptEvent(1),
                        api -> api.streams()
                                ? Expect.unexpected(Reason.CORRUPT_EVENT, 200).delivered(FIRST_DELTA, true).requestId()
                                        .check(e -> assertTrue(((UnexpectedResponseException) e).contentDelivered(),
                                                "contentDelivered()"))
                                        .closesConnections()
                                : CREATES.contains(api) ? Expect.unexpected(Reason.NOT_JSON, 200).requestId() : null));
    }

    static Stream<Arguments> cells() {
        return rows().flatMap(row -> ALL.stream().filter(api -> row.expect().apply(api) != null)
                .map(api -> Arguments.of(row, api)));
    }

    // ---------------------------------------------------------------- log capture

    CapturedLogs logs;

    @BeforeEach
    void captureLogs() {
        logs = CapturedLogs.start();
    }

    @AfterEach
    void stopCapturingLogs() {
        logs.close();
    }

    static String textWithCause(LogRecord record) {
        Throwable thrown = record.getThrown();
        return CapturedLogs.text(record) + (thrown == null ? "" : " [" + thrown + "]");
    }

    // ---------------------------------------------------------------- the matrix

    @ParameterizedTest(name = "{0} via {1}")
    @MethodSource("cells")
    void cell(Row row, Api api) {
        Expect expect = row.expect().apply(api);
        long openBefore = simulator.stats().openConnections();
        simulator.always(row.fault().get());
        logs.clear();
        int callsBefore = callLog.calls().size();

        Observed seen = api.observe(claude);

        int attempts = simulator.requests().size();
        try {
            check(row, api, expect, seen, attempts, openBefore);
            checkCallEvent(row, api, seen, attempts, callsBefore);
        } catch (AssertionError e) {
            // what the client logged tells why, e.g. an exception a library dropped
            throw new AssertionError(e.getMessage() + "\nLogged during the cell:\n"
                    + logs.records().stream().map(FaultMatrixTest::textWithCause).collect(Collectors.joining("\n")), e);
        }
    }

    void check(Row row, Api api, Expect expect, Observed seen, int attempts, long openBefore) {
        String cell = row + " via " + api + ": " + seen + ", attempts " + attempts + "; ";

        // the outcome
        if (expect.type == null) {
            assertNull(seen.failure, cell + "succeeds");
        } else {
            assertInstanceOf(expect.type, seen.failure, cell + "the failure's type");
            assertEquals(expect.type, seen.failure.getClass(), cell + "exactly this class");
            if (expect.reason != null) {
                assertEquals(expect.reason, ((UnexpectedResponseException) seen.failure).reason(), cell + "reason");
            }
            if (expect.status != null) {
                int status = seen.failure instanceof UnexpectedResponseException u ? u.status()
                        : ((ClaudeApiException) seen.failure).status();
                assertEquals(expect.status, status, cell + "status");
            }
            for (Consumer<Throwable> check : expect.checks) {
                try {
                    check.accept(seen.failure);
                } catch (AssertionError e) {
                    fail(cell + e.getMessage(), e);
                }
            }
        }
        assertEquals(expect.attempts, attempts, cell + "attempts the simulator saw");

        // nothing that reached the client before the failure was lost, nothing delivered twice
        if (api.streams()) {
            assertEquals(expect.delivered, seen.deliveredText(api), cell + "the text that reached the caller");
            if (api != Api.STREAM_TEXT) {
                assertEquals(expect.messageStart ? 1 : 0, seen.messageStarts(), cell + "message_start delivered");
            }
            if (expect.type == null) {
                String text = api == Api.STREAM_TEXT ? ((Message) seen.value).text() : accumulate(seen.events);
                assertEquals(FULL_TEXT, text, cell + "the whole answer");
            }
        } else {
            assertTrue(seen.results.isEmpty(), cell + "no batch result delivered");
        }

        // within its timeout
        assertTrue(seen.millis >= expect.minMillis && seen.millis < expect.maxMillis,
                cell + "ended within [" + expect.minMillis + ", " + expect.maxMillis + ") ms");

        // the client stopped reading a huge answer
        if (row.name().startsWith("200 MB")) {
            long written = simulator.stats().bodyBytesWritten();
            assertTrue(written < 50_000_000L, cell + "bytes written before the client closed: " + written);
        }

        assertNothingLeftBehind(cell, openBefore, expect.connectionsClosed);

        // the log: no error, a WARN per failed attempt
        List<String> lines = logs.records().stream().map(CapturedLogs::text).toList();
        List<String> errors = logs.errorsButTheRestClientsDroppedReset();
        assertTrue(errors.isEmpty(), cell + "no ERROR logged: " + errors);
        if (expect.type != null) {
            long warns = logs.records().stream()
                    .filter(r -> "io.quarkiverse.claude.errors".equals(r.getLoggerName())
                            && r.getLevel().intValue() == Level.WARNING.intValue()
                            && CapturedLogs.text(r).contains("client matrix"))
                    .count();
            assertTrue(warns >= Math.max(1, attempts), cell + "a WARN per failed attempt (" + warns + "): " + lines);
        }
    }

    /** The call's event counts every attempt the simulator saw, a stream's that failed after its first event too. */
    void checkCallEvent(Row row, Api api, Observed seen, int attempts, int callsBefore) {
        String cell = row + " via " + api + ": " + seen + ", attempts " + attempts + "; ";
        ClaudeCallEvent call = awaitCall("matrix", callsBefore);
        assertEquals(attempts, call.attempts(), cell + "attempts of the call event: " + call);
        assertEquals(seen.failure == null ? attempts - 1 : attempts, call.failedAttempts().size(),
                cell + "failed attempts of the call event: " + call);
    }

    static String accumulate(List<StreamEvent> events) {
        MessageAccumulator acc = new MessageAccumulator();
        events.forEach(acc::accept);
        assertTrue(acc.isComplete(), "message_stop arrived");
        return acc.message().text();
    }

    // ---------------------------------------------------------------- connection refused

    /** A closed port: the "offline" client (no retries) makes one attempt and fails; the simulator sees nothing. */
    @ParameterizedTest(name = "connection refused via {0}")
    @EnumSource(value = Api.class, names = { "CREATE", "CREATE_ASYNC", "STREAM", "COUNT_TOKENS", "MODELS_LIST" })
    void connectionRefused(Api api) {
        int callsBefore = callLog.calls().size();
        long openBefore = simulator.stats().openConnections();
        logs.clear();

        Observed seen = api.observe(offline);

        String cell = "connection refused via " + api + ": " + seen + "; ";
        assertInstanceOf(ClaudeConnectionException.class, seen.failure, cell + "the failure's type");
        assertEquals(ClaudeConnectionException.class, seen.failure.getClass(), cell + "exactly this class");
        assertEquals(0, simulator.requests().size(), cell + "the simulator saw nothing");
        assertTrue(seen.millis < 3_000, cell + "ended quickly");
        assertTrue(seen.events.isEmpty(), cell + "no event");

        ClaudeCallEvent call = awaitCall("offline", callsBefore);
        assertEquals(1, call.attempts(), cell + "attempts of the offline client: " + call);
        assertEquals(1, call.failedAttempts().size(), cell + "failed attempts: " + call);

        assertNothingLeftBehind(cell, openBefore, true);
        List<String> errors = logs.errorsButTheRestClientsDroppedReset();
        assertTrue(errors.isEmpty(), cell + "no ERROR logged: " + errors);
        assertTrue(logs.records().stream().anyMatch(r -> "io.quarkiverse.claude.errors".equals(r.getLoggerName())
                && r.getLevel().intValue() == Level.WARNING.intValue() && CapturedLogs.text(r).contains("client offline")),
                cell + "a WARN for the failed attempt: " + logs.records().stream().map(CapturedLogs::text).toList());
    }

    ClaudeCallEvent awaitCall(String client, int callsBefore) {
        long until = System.nanoTime() + 1_000_000_000L;
        while (true) {
            List<ClaudeCallEvent> calls = callLog.calls();
            List<ClaudeCallEvent> mine = calls.subList(Math.min(callsBefore, calls.size()), calls.size()).stream()
                    .filter(c -> client.equals(c.client())).toList();
            if (!mine.isEmpty()) {
                assertEquals(1, mine.size(), "one call event: " + mine);
                return mine.get(0);
            }
            if (System.nanoTime() > until) {
                return fail("No call event of client " + client);
            }
            sleep(10);
        }
    }

    // ---------------------------------------------------------------- nothing left behind

    /**
     * No connection left open beyond the client's keep-alive (none at all when the cell's answers could not be read to
     * their end), and no thread still inside the client. Both settle: a closed connection takes a moment to be seen by
     * the server, a failed call's last callbacks a moment to return.
     */
    /** The open connections before the first cell (other suites' clients keep some alive too). */
    static long firstOpen = -1;

    void assertNothingLeftBehind(String cell, long openBefore, boolean connectionsClosed) {
        long allowed = connectionsClosed ? openBefore : openBefore + 1;
        long until = System.nanoTime() + 1_500_000_000L;
        long open;
        while ((open = simulator.stats().openConnections()) > allowed && System.nanoTime() < until) {
            sleep(10);
        }
        assertTrue(open <= allowed, cell + "open connections " + open + " (before the cell " + openBefore
                + ", allowed " + allowed + ")");
        if (firstOpen < 0) {
            firstOpen = openBefore;
        }
        // a cell may leave one idle connection in the client's pool, but cell after cell they must not pile up
        assertTrue(open <= firstOpen + 2, cell + "open connections " + open + " grew past the first cell's "
                + firstOpen + " + 2");

        until = System.nanoTime() + 2_000_000_000L;
        List<String> inside;
        while (!(inside = threadsInsideTheClient()).isEmpty() && System.nanoTime() < until) {
            sleep(10);
        }
        assertTrue(inside.isEmpty(), cell + "threads still inside the client: " + inside);
    }

    static List<String> threadsInsideTheClient() {
        List<String> inside = new ArrayList<>();
        Thread self = Thread.currentThread();
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            Thread t = e.getKey();
            Thread.State state = t.getState();
            if (t == self || !t.isAlive()
                    || state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING
                            && state != Thread.State.BLOCKED) {
                continue;
            }
            for (StackTraceElement frame : e.getValue()) {
                if (frame.getClassName().startsWith("io.quarkiverse.claude.runtime")) {
                    inside.add(t.getName() + " " + state + " at " + frame);
                    break;
                }
            }
        }
        return inside;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
