package io.quarkiverse.claude.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.ClaudeClientName;
import io.quarkiverse.claude.errors.AuthenticationException;
import io.quarkiverse.claude.errors.BillingException;
import io.quarkiverse.claude.errors.BulkheadFullException;
import io.quarkiverse.claude.errors.CircuitOpenException;
import io.quarkiverse.claude.errors.ClaudeConnectionException;
import io.quarkiverse.claude.errors.ClaudeException;
import io.quarkiverse.claude.errors.ClientTimeoutException;
import io.quarkiverse.claude.errors.ConflictException;
import io.quarkiverse.claude.errors.InternalServerException;
import io.quarkiverse.claude.errors.InvalidRequestException;
import io.quarkiverse.claude.errors.NotFoundException;
import io.quarkiverse.claude.errors.OverloadedException;
import io.quarkiverse.claude.errors.PermissionException;
import io.quarkiverse.claude.errors.RateLimitException;
import io.quarkiverse.claude.errors.RequestTooLargeException;
import io.quarkiverse.claude.errors.ServerTimeoutException;
import io.quarkiverse.claude.model.Message;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.model.stream.StreamEvent;
import io.quarkiverse.claude.testing.Fault;
import io.quarkiverse.claude.testing.RecordedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;

/**
 * Retries per error class, budgets, retry-after, deadline, bulkhead, circuit breaker and x-should-retry, as the server
 * sees them. The clients ("retrying", "budgets", ...) are in {@link ResilienceProfile}, with the default retry counts
 * and waits of tens of milliseconds.
 */
@QuarkusTest
@TestProfile(ResilienceProfile.class)
class ResilienceTest extends SimulatorTest {

    static final String MESSAGES = "/v1/messages";

    @Inject
    @ClaudeClientName("retrying")
    ClaudeClient retrying;

    @Inject
    @ClaudeClientName("short-attempts")
    ClaudeClient shortAttempts;

    @Inject
    @ClaudeClientName("budgets")
    ClaudeClient budgets;

    @Inject
    @ClaudeClientName("deadline")
    ClaudeClient deadline;

    @Inject
    @ClaudeClientName("held")
    ClaudeClient held;

    @Inject
    @ClaudeClientName("capped")
    ClaudeClient capped;

    /** resilience.rate-limit.honor-retry-after=false, delay 10 ms */
    @Inject
    @ClaudeClientName("plain-backoff")
    ClaudeClient plainBackoff;

    @Inject
    @ClaudeClientName("narrow")
    ClaudeClient narrow;

    @Inject
    @ClaudeClientName("no-queue")
    ClaudeClient noQueue;

    @Inject
    @ClaudeClientName("bulkhead")
    ClaudeClient bulkhead;

    @Inject
    @ClaudeClientName("breaker")
    ClaudeClient breaker;



    // ------------------------------------------------------------------ attempts per class, with the default counts

    static Stream<Arguments> retriedClasses() {
        return Stream.of(
                Arguments.of("429 rate_limit_error", Fault.rateLimited().retryAfterMillis(10), RateLimitException.class, 5),
                Arguments.of("529 overloaded_error", Fault.overloaded(), OverloadedException.class, 4),
                Arguments.of("500 api_error", Fault.apiError(), InternalServerException.class, 3),
                Arguments.of("504 timeout_error", Fault.error(504, "timeout_error", "upstream timeout"),
                        ServerTimeoutException.class, 3),
                Arguments.of("409 conflict_error", Fault.error(409, "conflict_error", "conflict"), ConflictException.class,
                        3),
                Arguments.of("connection reset", Fault.dropConnection(), ClaudeConnectionException.class, 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("retriedClasses")
    void eachClassIsRetriedItsDefaultNumberOfTimes(String name, Fault fault, Class<? extends ClaudeException> type,
            int attempts) {
        simulator.always(fault);

        ClaudeException e = assertThrows(type, () -> retrying.ask("hi"));

        assertEquals(attempts, simulator.requests(MESSAGES).size(), "attempts the server saw");
        assertEquals(attempts - 1, e.getSuppressed().length, "the earlier attempts ride along as suppressed");
        Arrays.stream(e.getSuppressed()).forEach(earlier -> assertInstanceOf(type, earlier));
    }

    @Test
    void attemptsThatTimeOutAreRetriedAsTheTimeoutClass() {
        simulator.always(Fault.delay(Duration.ofSeconds(3)));

        long start = System.nanoTime();
        ClientTimeoutException e = assertThrows(ClientTimeoutException.class, () -> shortAttempts.ask("hi"));
        long elapsed = millisSince(start);

        assertEquals(3, simulator.requests(MESSAGES).size(), "1 attempt + the 2 default retries of the timeout class");
        assertEquals(Duration.ofMillis(400), e.timeout());
        assertTrue(e.getMessage().contains("quarkus.claude.\"short-attempts\".resilience.attempt-timeout"), e.getMessage());
        assertTrue(elapsed >= 3 * 400 && elapsed < 3000, "three attempts cut at 400 ms each, not 3 s: " + elapsed);
    }

    // ------------------------------------------------------------------ never retried

    static Stream<Arguments> neverRetried() {
        return Stream.of(
                Arguments.of("400", Fault.error(400, "invalid_request_error", "bad"), InvalidRequestException.class),
                Arguments.of("401", Fault.error(401, "authentication_error", "bad key"), AuthenticationException.class),
                Arguments.of("402", Fault.error(402, "billing_error", "pay"), BillingException.class),
                Arguments.of("403", Fault.error(403, "permission_error", "no"), PermissionException.class),
                Arguments.of("404", Fault.error(404, "not_found_error", "gone"), NotFoundException.class),
                Arguments.of("413", Fault.error(413, "request_too_large", "big"), RequestTooLargeException.class),
                Arguments.of("429 spend cap", Fault.spendLimitReached(), RateLimitException.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("neverRetried")
    void neverRetriedClassesReachTheCallerAtOnce(String name, Fault fault, Class<? extends ClaudeException> type) {
        simulator.always(fault);

        ClaudeException e = assertThrows(type, () -> retrying.ask("hi"));

        assertEquals(1, simulator.requests(MESSAGES).size(), "one attempt only");
        assertEquals(0, e.getSuppressed().length);
        assertTrue(e.requestId().isPresent(), "with the request id");
    }

    // ------------------------------------------------------------------ waits

    @Test
    void noAttemptIsSentBeforeTheRetryAfterHasPassed() {
        simulator.enqueue(Fault.rateLimited().retryAfterMillis(150), Fault.rateLimited().retryAfterMillis(250),
                Fault.overloaded().retryAfterMillis(100)); // a 529 that says when, too

        Message answer = retrying.messages().create(MessageRequest.of("patience"));

        assertEquals("Echo: patience", answer.text());
        List<Long> gaps = gaps(simulator.requests(MESSAGES));
        assertEquals(3, gaps.size(), gaps.toString());
        assertTrue(gaps.get(0) >= 150 && gaps.get(0) < 150 + 350, "retry-after-ms 150 obeyed: " + gaps);
        assertTrue(gaps.get(1) >= 250 && gaps.get(1) < 250 + 350, "retry-after-ms 250 obeyed: " + gaps);
        assertTrue(gaps.get(2) >= 100 && gaps.get(2) < 100 + 350, "a 529's retry-after too: " + gaps);
    }

    @Test
    void aRetryAfterLongerThanTheCapFailsAtOnceInsteadOfRetryingEarly() {
        simulator.enqueue(Fault.rateLimited().retryAfterMillis(150),
                Fault.rateLimited()); // retry-after: 1 s, over max-retry-after = 400 ms

        long start = System.nanoTime();
        RateLimitException e = assertThrows(RateLimitException.class, () -> retrying.ask("patience"));
        long elapsed = millisSince(start);

        assertEquals(2, simulator.requests(MESSAGES).size(), "no third attempt 400 ms later, bound to earn a 429");
        assertEquals(Duration.ofSeconds(1), e.retryAfter().orElseThrow());
        assertTrue(e.getMessage().contains("the server asked to wait 1 s")
                && e.getMessage().contains("quarkus.claude.\"retrying\".resilience.rate-limit.max-retry-after (400 ms)"),
                e.getMessage());
        assertTrue(elapsed < 150 + 400, "failed at once after the second 429: " + elapsed);
    }

    @Test
    void withoutRetryAfterTheBackoffOfTheClassApplies() {
        Fault noHeader = Fault.error(429, "rate_limit_error", "slow down"); // no retry-after, not the spend cap
        simulator.enqueue(noHeader, noHeader, noHeader);

        retrying.ask("backoff");

        List<Long> gaps = gaps(simulator.requests(MESSAGES));
        assertEquals(3, gaps.size());
        gaps.forEach(gap -> assertTrue(gap < 80 + 300, "20 ms doubling, capped at 80 ms, plus jitter: " + gaps));
    }

    @Test
    void aNegativeNonNumericOrAbsurdRetryAfterIsIgnoredAndTheBackoffApplies() {
        simulator.enqueue(Fault.rateLimited().header("retry-after", "-5"),
                Fault.rateLimited().header("retry-after", "soon"),
                Fault.rateLimited().header("retry-after", "999999999")); // 31 years: not cut to the 400 ms cap

        assertEquals("Echo: odd headers", retrying.ask("odd headers"));

        List<Long> gaps = gaps(simulator.requests(MESSAGES));
        assertEquals(3, gaps.size(), gaps.toString());
        // 20 ms doubling up to 80 ms, at most a quarter of it random: never an immediate retry, never the cap
        assertTrue(gaps.get(0) >= 15, "-5 is no reason to retry at once: " + gaps);
        assertTrue(gaps.get(1) >= 30, "'soon' is no number: the backoff: " + gaps);
        assertTrue(gaps.get(2) >= 60 && gaps.get(2) < 300, "an absurd value is not waited, nor cut to 400 ms: " + gaps);
    }

    @Test
    void afterA429EveryCallOfAThrottledClientWaitsTheSameRetryAfter() throws Exception {
        aSecondCallerWaitsThe429sRetryAfter(held, 400, 100);

        assertEquals(1, simulator.stats().count(429), "no second 429");
    }

    /**
     * A call gets a 429 with a {@code retry-after}; a second caller comes along {@code secondAfterMs} after it was
     * sent: both calls are answered, each with one attempt, neither before the retry-after.
     */
    private void aSecondCallerWaitsThe429sRetryAfter(ClaudeClient client, long retryAfterMs, long secondAfterMs)
            throws Exception {
        simulator.enqueue(Fault.rateLimited().retryAfterMillis(retryAfterMs));
        CompletableFuture<Message> first = subscribe(client.messages().createAsync(MessageRequest.of("first")));
        while (simulator.requests(MESSAGES).isEmpty()) {
            Thread.sleep(5);
        }
        Thread.sleep(secondAfterMs); // the 429 has arrived; a second caller comes along

        assertEquals("Echo: second", client.ask("second"));

        assertEquals("Echo: first", first.get(5, TimeUnit.SECONDS).text());
        List<RecordedRequest> requests = simulator.requests(MESSAGES);
        assertEquals(3, requests.size(), "the 429, then one attempt of each call");
        for (RecordedRequest later : requests.subList(1, 3)) {
            long after = Duration.between(requests.get(0).time(), later.time()).toMillis();
            assertTrue(after >= retryAfterMs, "not before the 429's retry-after, whichever call: " + after + " ms");
        }
    }

    @Test
    void aCallThePauseWouldHoldLongerThanMaxRetryAfterFailsAtOnceUnsentAsTheCallThatGotThe429() throws Exception {
        simulator.enqueue(Fault.rateLimited()); // retry-after: 1 s, over max-retry-after = 300 ms
        RateLimitException first = assertThrows(RateLimitException.class, () -> capped.ask("first"));
        long limited = System.nanoTime();

        RateLimitException second = assertThrows(RateLimitException.class, () -> capped.ask("second"));
        ExecutionException third = assertThrows(ExecutionException.class,
                () -> subscribe(capped.messages().createAsync(MessageRequest.of("third"))).get(5, TimeUnit.SECONDS));
        long elapsed = millisSince(limited);

        assertTrue(elapsed < 500, "failed at once, not after the 1 s pause: " + elapsed + " ms");
        assertEquals(1, simulator.requests(MESSAGES).size(), "neither held call was sent");
        for (Throwable refused : List.of(second, third.getCause())) {
            RateLimitException e = assertInstanceOf(RateLimitException.class, refused);
            assertEquals(429, e.status());
            assertEquals("rate_limit_error", e.errorType());
            assertEquals(first.requestId().orElseThrow(), e.requestId().orElseThrow(), "the 429 that set the pause");
            assertEquals(Duration.ofSeconds(1), e.retryAfter().orElseThrow());
            assertTrue(e.getMessage().contains("The request was not sent: the client is held for ")
                    && e.getMessage().contains("by a 429's retry-after of 1 s from an earlier call, longer than "
                            + "quarkus.claude.\"capped\".resilience.rate-limit.max-retry-after (300 ms)"),
                    e.getMessage());
        }

        Thread.sleep(Math.max(0, 1100 - millisSince(limited))); // the pause is over: the client is not refused for good
        assertEquals("Echo: later", capped.ask("later"));
        assertEquals(2, simulator.requests(MESSAGES).size());
    }

    @Test
    void withoutHonouringRetryAfterA429IsRetriedOnTheBackoffAndHoldsNoOtherCall() {
        simulator.enqueue(Fault.rateLimited()); // retry-after: 1 s

        long start = System.nanoTime();
        assertEquals("Echo: first", plainBackoff.ask("first"));
        assertEquals("Echo: second", plainBackoff.ask("second"));
        long elapsed = millisSince(start);

        assertEquals(3, simulator.requests(MESSAGES).size(), "the 429, its retry, the next call");
        assertTrue(elapsed < 800, "the 10 - 40 ms backoff, not the 1 s retry-after, and the next call not held: "
                + elapsed + " ms");
    }

    @Test
    void aPauseWithinMaxRetryAfterIsStillWaitedByTheOtherCalls() throws Exception {
        aSecondCallerWaitsThe429sRetryAfter(capped, 250, 50); // within max-retry-after = 300 ms
    }

    // ------------------------------------------------------------------ budgets per class

    @Test
    void mixedSequenceSucceedsWithinThePerClassBudgets() {
        simulator.enqueue(Fault.rateLimited().retryAfterMillis(10), Fault.overloaded(), Fault.apiError());

        assertEquals("Echo: mixed", retrying.ask("mixed"));

        assertEquals(4, simulator.requests(MESSAGES).size());
    }

    @Test
    void budgetsDoNotMultiply() {
        Fault rate = Fault.rateLimited().retryAfterMillis(10);

        // budgets: 429 -> 2 retries, 529 -> 1 retry
        simulator.enqueue(rate, Fault.overloaded(), rate);
        assertEquals("Echo: a", budgets.ask("a"), "429, 529, 429 uses 2 of the 429 budget and 1 of the 529 budget");
        assertEquals(4, simulator.requests(MESSAGES).size());

        simulator.reset().enqueue(rate, rate, rate);
        RateLimitException third = assertThrows(RateLimitException.class, () -> budgets.ask("b"));
        assertEquals(3, simulator.requests(MESSAGES).size(), "the third 429 is one past the budget of 2");
        assertEquals(2, third.getSuppressed().length);

        simulator.reset().enqueue(Fault.overloaded(), Fault.overloaded());
        assertThrows(OverloadedException.class, () -> budgets.ask("c"));
        assertEquals(2, simulator.requests(MESSAGES).size());

        simulator.reset().enqueue(rate, Fault.overloaded(), rate, Fault.overloaded());
        OverloadedException last = assertThrows(OverloadedException.class, () -> budgets.ask("d"));
        assertEquals(4, simulator.requests(MESSAGES).size(), "the second 529 ends it, the 429 budget has one left");
        assertEquals(3, last.getSuppressed().length);
    }

    @Test
    void asyncCallsHaveTheSameBudgets() throws Exception {
        simulator.enqueue(Fault.overloaded(), Fault.rateLimited().retryAfterMillis(10));

        Message answer = retrying.messages().createAsync(MessageRequest.of("async")).await()
                .atMost(Duration.ofSeconds(10));

        assertEquals("Echo: async", answer.text());
        assertEquals(3, simulator.requests(MESSAGES).size());

        simulator.reset().always(Fault.overloaded());
        Throwable failure = assertThrows(Throwable.class,
                () -> retrying.messages().createAsync(MessageRequest.of("x")).await().atMost(Duration.ofSeconds(10)));
        assertInstanceOf(OverloadedException.class, failure);
        assertEquals(4, simulator.requests(MESSAGES).size());
        assertEquals(3, failure.getSuppressed().length);
    }

    // ------------------------------------------------------------------ x-should-retry

    @Test
    void shouldRetryHeaderOverridesTheClassDefault() {
        simulator.enqueue(Fault.overloaded().header("x-should-retry", "false"));
        assertThrows(OverloadedException.class, () -> retrying.ask("no"));
        assertEquals(1, simulator.requests(MESSAGES).size(), "a 529 the server says not to retry");

        simulator.reset().enqueue(Fault.error(400, "invalid_request_error", "try again").header("x-should-retry", "true"));
        assertEquals("Echo: yes", retrying.ask("yes"));
        assertEquals(2, simulator.requests(MESSAGES).size(), "a 400 the server says to retry");
    }

    // ------------------------------------------------------------------ deadline

    @Test
    void aWaitThatWouldCrossTheDeadlineIsNotTaken() {
        simulator.enqueue(Fault.rateLimited().retryAfterSeconds(2));

        long start = System.nanoTime();
        RateLimitException e = assertThrows(RateLimitException.class, () -> deadline.ask("late"));
        long elapsed = millisSince(start);

        assertEquals(1, simulator.requests(MESSAGES).size());
        assertEquals(Duration.ofSeconds(2), e.retryAfter().orElseThrow());
        assertTrue(e.getMessage().contains("past the call's deadline (quarkus.claude.\"deadline\".resilience.deadline"),
                e.getMessage());
        assertTrue(elapsed < 400, "fails at once instead of sleeping 2 s past a 500 ms deadline: " + elapsed);
    }

    @Test
    void theDeadlineStopsRepeatedWaits() {
        simulator.always(Fault.rateLimited().retryAfterMillis(150));

        long start = System.nanoTime();
        RateLimitException e = assertThrows(RateLimitException.class, () -> deadline.ask("storm"));
        long elapsed = millisSince(start);

        int attempts = simulator.requests(MESSAGES).size();
        assertTrue(attempts >= 2 && attempts < 5, "the deadline, not the budget of 4 retries, ended it: " + attempts);
        assertEquals(attempts - 1, e.getSuppressed().length);
        assertTrue(elapsed < 500 + 300, "ends by the deadline: " + elapsed);
    }

    @Test
    void anAttemptRunningAtTheDeadlineIsCut() {
        simulator.enqueue(Fault.delay(Duration.ofSeconds(3)));

        long start = System.nanoTime();
        ClientTimeoutException e = assertThrows(ClientTimeoutException.class, () -> deadline.ask("slow"));
        long elapsed = millisSince(start);

        assertTrue(elapsed >= 400 && elapsed < 1500, "cut at the 500 ms deadline: " + elapsed);
        assertTrue(e.getMessage().contains("resilience.deadline"), e.getMessage());
        assertEquals(1, simulator.requests(MESSAGES).size());
    }

    // ------------------------------------------------------------------ bulkhead

    @Test
    void bulkheadRejectsBlockingCallsPast64AndAsyncCallsPast64Plus256() throws Exception {
        Fault slow = Fault.delay(Duration.ofMillis(1500));
        Fault[] slowOnes = new Fault[64];
        Arrays.fill(slowOnes, slow);
        simulator.enqueue(slowOnes);

        List<CompletableFuture<Message>> inFlight = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            inFlight.add(subscribe(bulkhead.messages().createAsync(MessageRequest.of("slow " + i))));
        }

        long start = System.nanoTime();
        BulkheadFullException blocking = assertThrows(BulkheadFullException.class, () -> bulkhead.ask("one more"));
        assertTrue(millisSince(start) < 500, "rejected at once, not after the slow calls");
        assertTrue(blocking.getMessage().contains("64"), blocking.getMessage());
        assertEquals(503, ClaudeExceptionMapper.statusFor(blocking), "the demo answers its callers 503");

        List<CompletableFuture<Message>> queued = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            queued.add(subscribe(bulkhead.messages().createAsync(MessageRequest.of("queued " + i))));
        }
        assertTrue(queued.stream().noneMatch(CompletableFuture::isDone), "256 async calls wait in the queue");

        start = System.nanoTime();
        CompletableFuture<Message> beyond = subscribe(bulkhead.messages().createAsync(MessageRequest.of("beyond")));
        ExecutionException rejected = assertThrows(ExecutionException.class, () -> beyond.get(1, TimeUnit.SECONDS));
        assertInstanceOf(BulkheadFullException.class, rejected.getCause());
        assertTrue(millisSince(start) < 500, "the 321st is rejected at once");

        List<CompletableFuture<Message>> all = new ArrayList<>(inFlight);
        all.addAll(queued);
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        assertEquals(320, simulator.requests(MESSAGES).size(), "all 64 + 256 went through; the rejected never did");
    }

    @Test
    void aStreamHoldsItsBulkheadPlaceUntilItEnds() throws Exception {
        simulator.always(Fault.slowStream(Duration.ofMillis(60)));
        List<StreamEvent> one = new CopyOnWriteArrayList<>();
        List<StreamEvent> two = new CopyOnWriteArrayList<>();
        MessageRequest request = MessageRequest.of("a stream that takes its time to say all this");
        CompletableFuture<List<StreamEvent>> first = subscribe(
                narrow.messages().stream(request).onItem().invoke(one::add).collect().asList());
        CompletableFuture<List<StreamEvent>> second = subscribe(
                narrow.messages().stream(request).onItem().invoke(two::add).collect().asList());
        long start = System.nanoTime();
        while ((one.isEmpty() || two.isEmpty()) && millisSince(start) < 5000) {
            Thread.sleep(5);
        }
        assertTrue(!one.isEmpty() && !two.isEmpty(), "both streams have begun");

        // max-concurrent = 2: two streams in flight fill the bulkhead until they end, not only until their first event
        assertThrows(BulkheadFullException.class, () -> narrow.ask("a third, blocking: no queue for it"));
        CompletableFuture<Message> queued = subscribe(narrow.messages().createAsync(MessageRequest.of("queued")));
        ExecutionException rejected = assertThrows(ExecutionException.class,
                () -> subscribe(narrow.messages().createAsync(MessageRequest.of("beyond"))).get(1, TimeUnit.SECONDS));
        assertInstanceOf(BulkheadFullException.class, rejected.getCause(), "2 in flight and 1 queued: full");
        Throwable third = assertThrows(Throwable.class, () -> narrow.messages().stream(request).collect().asList()
                .await().atMost(Duration.ofSeconds(2)));
        assertInstanceOf(BulkheadFullException.class, third, "a third stream, typed as any other rejection");
        assertFalse(first.isDone() || second.isDone(), "the streams were still streaming");

        assertEquals("message_stop", first.get(10, TimeUnit.SECONDS).get(one.size() - 1).type());
        second.get(10, TimeUnit.SECONDS);
        assertTrue(queued.get(10, TimeUnit.SECONDS).text().startsWith("Echo: "), "the queued call ran once one ended");
    }

    @Test
    void withNoQueueAnAsyncCallBeyondTheBulkheadFailsAtOnce() throws Exception {
        simulator.enqueue(Fault.delay(Duration.ofMillis(800)));
        CompletableFuture<Message> slow = subscribe(noQueue.messages().createAsync(MessageRequest.of("slow")));
        long waited = System.nanoTime();
        while (simulator.requests(MESSAGES).isEmpty() && millisSince(waited) < 5000) {
            Thread.sleep(5);
        }

        long start = System.nanoTime();
        ExecutionException rejected = assertThrows(ExecutionException.class,
                () -> subscribe(noQueue.messages().createAsync(MessageRequest.of("now"))).get(2, TimeUnit.SECONDS));
        assertInstanceOf(BulkheadFullException.class, rejected.getCause(), "max-queued=0: no waiting");
        assertTrue(millisSince(start) < 500, "at once, not after the 800 ms call: " + millisSince(start));

        assertEquals("Echo: slow", slow.get(5, TimeUnit.SECONDS).text());
        assertEquals("Echo: then", noQueue.messages().createAsync(MessageRequest.of("then")).await()
                .atMost(Duration.ofSeconds(5)).text(), "the place is free again");
        assertEquals(2, simulator.requests(MESSAGES).size());
    }

    // ------------------------------------------------------------------ circuit breaker

    @Test
    void circuitOpensUnderA529StormAndRecovers() throws Exception {
        simulator.always(Fault.rateLimited().retryAfterMillis(1));
        for (int i = 0; i < 6; i++) {
            assertThrows(RateLimitException.class, () -> breaker.ask("429s do not count"));
        }

        simulator.reset().always(Fault.overloaded());
        int overloaded = 0;
        CircuitOpenException open = null;
        while (open == null && overloaded < 10) {
            try {
                breaker.ask("storm");
            } catch (OverloadedException e) {
                overloaded++;
            } catch (CircuitOpenException e) {
                open = e;
            }
        }
        long opened = System.nanoTime();
        assertNotNull(open, "the circuit opened");
        assertTrue(overloaded >= 2 && overloaded <= 4, "half of the last 4 attempts were 529: " + overloaded);
        assertEquals(overloaded, simulator.requests(MESSAGES).size(), "the open circuit kept the call from the API");
        assertTrue(open.getMessage().contains("circuit-breaker"), open.getMessage());
        assertEquals(503, ClaudeExceptionMapper.statusFor(open), "the demo answers its callers 503");
        assertThrows(CircuitOpenException.class, () -> breaker.ask("still open"));

        simulator.reset(); // the storm is over
        String answer = null;
        while (answer == null && millisSince(opened) < 5000) {
            try {
                answer = breaker.ask("probe");
            } catch (CircuitOpenException stillOpen) {
                Thread.sleep(25);
            }
        }
        assertEquals("Echo: probe", answer, "the half-open probe succeeded and closed the circuit");
        assertTrue(millisSince(opened) >= 300, "not before the 500 ms delay: " + millisSince(opened));
        assertEquals("Echo: again", breaker.ask("again"));
    }

    // ------------------------------------------------------------------ helpers

    static <T> CompletableFuture<T> subscribe(Uni<T> uni) {
        return uni.subscribeAsCompletionStage();
    }

    static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    static List<Long> gaps(List<RecordedRequest> requests) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < requests.size(); i++) {
            gaps.add(Duration.between(requests.get(i - 1).time(), requests.get(i).time()).toMillis());
        }
        return gaps;
    }

}
