package io.quarkiverse.claude.runtime.call;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import io.quarkiverse.claude.errors.ClaudeApiException;
import io.quarkiverse.claude.errors.ClientTimeoutException;
import io.quarkiverse.claude.errors.OverloadedException;
import io.quarkiverse.claude.errors.RateLimitException;
import io.quarkiverse.claude.runtime.config.ResilienceConfig;
import io.quarkiverse.claude.runtime.errors.TransportErrors;
import io.quarkiverse.claude.runtime.observability.CallInfo;
import io.quarkiverse.claude.runtime.observability.CallObserver;
import io.quarkiverse.claude.runtime.observability.CallSpan;
import io.quarkiverse.claude.runtime.rest.AnswerHandle;
import io.quarkiverse.claude.runtime.rest.RateLimitTracker;
import io.quarkiverse.claude.runtime.stream.StreamStart;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Runs the calls of one client, so that every failure reaches the caller as a typed
 * {@link io.quarkiverse.claude.errors.ClaudeException}, through the client's resilience policy: one SmallRye Fault
 * Tolerance {@link Guard} per client (retry, circuit breaker, bulkhead), with a per-call {@link CallBudget} that keeps
 * the retries of each error class apart. The one place where per-call policies wrap the REST calls.
 */
public class ClaudeCalls {

    /** Shortest and longest derived per-attempt timeout, and the time allowed per output token. */
    static final Duration MIN_ATTEMPT_TIMEOUT = Duration.ofSeconds(30);
    static final Duration MAX_ATTEMPT_TIMEOUT = Duration.ofMinutes(10);
    static final Duration PER_1000_TOKENS = Duration.ofSeconds(30);

    /** What the exceptions of the policy name. */
    record Limits(String clientName, String baseUrl, String property) {
    }

    /** Types what an attempt threw: a transport failure of our own HTTP calls, or only a Claude failure it carries. */
    private final UnaryOperator<Throwable> errors;
    private final ResilienceConfig config;
    private final Limits limits;
    private final CallGuards guards;
    private final CallObserver observer;
    /** Where the blocking attempts of threads without a Vert.x context start their requests. */
    private final PlainThreadEventLoop plainThreads;

    /**
     * @param clientName the client's name, for messages
     * @param baseUrl the API's base URL, for messages
     * @param property the client's config prefix, e.g. {@code quarkus.claude.resilience}, for messages
     * @param errors how failures are typed: {@link TransportErrors#translate} for the client's own calls, which types
     *        transport failures; {@link TransportErrors#claudeFailureIn} for the application's methods, whose own
     *        failures pass unchanged and are never retried
     * @param config the client's resilience settings
     * @param observer where the client's call events go
     * @param vertx the application's Vert.x, on one event loop of which the blocking attempts of threads without a
     *        Vert.x context start ({@link PlainThreadEventLoop}); {@code null} when the attempts are not HTTP calls
     */
    public ClaudeCalls(String clientName, String baseUrl, String property, UnaryOperator<Throwable> errors,
            ResilienceConfig config, CallObserver observer, Vertx vertx) {
        this.errors = errors;
        this.plainThreads = new PlainThreadEventLoop(vertx);
        this.config = config;
        this.limits = new Limits(clientName, baseUrl, property);
        ResilienceSettingsCheck.validate(property, config);
        this.guards = new CallGuards(clientName, config, state -> {
            if (state == CircuitBreakerState.OPEN) {
                openedNanos = System.nanoTime();
                AttemptGate current = gate;
                if (current != null) {
                    current.circuitOpened(config.circuitBreaker().delay());
                }
            }
            circuit = state;
        });
        this.observer = observer;
    }

    private volatile CircuitBreakerState circuit = CircuitBreakerState.CLOSED;
    private volatile long openedNanos;
    /** Asked before each attempt: the proactive throttle, or the limits shared with other replicas; null for none. */
    private volatile AttemptGate gate;

    /**
     * @return the state of the client's circuit breaker: {@code closed}, {@code open} (calls fail at once),
     *         {@code half_open} (the next calls are trials; also once an open circuit's delay has passed), or
     *         {@code disabled}
     */
    public String circuitState() {
        if (!config.circuitBreaker().enabled()) {
            return "disabled";
        }
        CircuitBreakerState state = circuit;
        if (state == CircuitBreakerState.OPEN
                && System.nanoTime() - openedNanos >= config.circuitBreaker().delay().toNanos()) {
            // SmallRye moves to half-open only when the next call comes; the next call would be let through
            return "half_open";
        }
        return state.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Turns on proactive throttling, on the rate-limit snapshots of {@code latest}. */
    public void throttleOn(Supplier<RateLimitTracker.Snapshot> latest) {
        this.gate = new ProactiveThrottle(latest);
    }

    /**
     * Puts a gate shared with other replicas in front of the attempts.
     *
     * @param shared makes it from the local gate (the proactive throttle, or {@code null} when throttling is off),
     *        which it falls back to
     */
    public void shareLimits(UnaryOperator<AttemptGate> shared) {
        this.gate = shared.apply(gate);
    }

    /** @return what the limits shared with other replicas are doing, or {@code null} when they are not shared */
    public String sharedLimitsStatus() {
        AttemptGate current = gate;
        return current == null ? null : current.status();
    }

    /**
     * Checks the wait the gate asked for against the call's deadline.
     *
     * @throws ClientTimeoutException when the wait ends after the call's deadline
     */
    private Duration withinDeadline(CallBudget budget, Duration wait) {
        if (!wait.isZero() && wait.compareTo(budget.remaining()) >= 0) {
            throw new ClientTimeoutException("The rate limits of the Claude API at " + limits.baseUrl()
                    + " are used up until " + wait.toMillis() + " ms from now, past the call's deadline ("
                    + limits.property() + ".deadline); proactive throttling (or the pause shared by the replicas) did "
                    + "not send the request.", wait);
        }
        return wait;
    }

    /** A new call's budget; its attempts cost what {@code info} says (one request when there is none). */
    private CallBudget budget(CallInfo info) {
        return new CallBudget(config, limits, info == null ? AttemptCost.REQUEST_ONLY : info.cost());
    }

    /**
     * An attempt the gate admitted has ended (answered, failed, refused by the bulkhead, or cancelled).
     *
     * @param failure what it failed with, or {@code null} when it was answered
     */
    private void attemptEnded(CallBudget budget, Throwable failure) {
        AttemptGate current = gate;
        if (current != null) {
            current.ended(budget, budget.cost(), failure);
        }
    }

    /** Waits, on the calling thread, until the attempt fits; the limits are checked again after each wait. */
    private void throttleBlocking(CallBudget budget) {
        AttemptGate current = gate;
        if (current == null) {
            return;
        }
        Duration wait;
        while (!(wait = withinDeadline(budget, current.beforeAttempt(budget, budget.cost()))).isZero()) {
            try {
                Thread.sleep(CallBudget.ceilMillis(wait));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new ClientTimeoutException("Interrupted while waiting for the rate limits to reset", wait);
            }
        }
    }

    /** The attempt once it fits, without blocking; the limits are checked again after each wait. */
    private <T> Uni<T> throttled(CallBudget budget, Supplier<Uni<T>> attempt) {
        AttemptGate current = gate;
        if (current == null) {
            return attempt.get();
        }
        if (current.remote()) {
            return current.beforeAttemptAsync(budget, budget.cost())
                    .onItem().transformToUni(wait -> afterWait(budget, withinDeadline(budget, wait), attempt));
        }
        return afterWait(budget, withinDeadline(budget, current.beforeAttempt(budget, budget.cost())), attempt);
    }

    private <T> Uni<T> afterWait(CallBudget budget, Duration wait, Supplier<Uni<T>> attempt) {
        if (wait.isZero()) {
            return attempt.get();
        }
        return Uni.createFrom().voidItem().onItem().delayIt().by(wait)
                .onItem().transformToUni(ignored -> throttled(budget, attempt));
    }

    /**
     * The timeout of each attempt of a call that is not a stream: {@code resilience.attempt-timeout} when set, else derived
     * from {@code max_tokens} (30 s per 1,000, within 30 s .. 10 min; 30 s for calls without it, {@code null}).
     */
    public Duration attemptTimeout(Integer maxTokens) {
        if (config.attemptTimeout().isPresent()) {
            return config.attemptTimeout().get();
        }
        return derivedTimeout(maxTokens);
    }

    static Duration derivedTimeout(Integer maxTokens) {
        if (maxTokens == null || maxTokens <= 0) {
            return MIN_ATTEMPT_TIMEOUT;
        }
        Duration derived = Duration.ofMillis(PER_1000_TOKENS.toMillis() * maxTokens / 1000); // long maths: per call
        if (derived.compareTo(MIN_ATTEMPT_TIMEOUT) < 0) {
            return MIN_ATTEMPT_TIMEOUT;
        }
        return derived.compareTo(MAX_ATTEMPT_TIMEOUT) > 0 ? MAX_ATTEMPT_TIMEOUT : derived;
    }

    /**
     * A blocking call of the application's own code ({@code @ClaudeResilience}), without a per-attempt timeout of its
     * own.
     *
     * @param info what the call is, for the {@link io.quarkiverse.claude.ClaudeCallEvent}; {@code null} for none
     */
    public <T> T blocking(CallInfo info, Supplier<T> call) {
        CallSpan span = observer.started(info);
        CallBudget budget = budget(info);
        try {
            T result = guards.retrying(() -> {
                throttleBlocking(budget);
                return ended(budget, () -> guards.inPlace(() -> {
                    try {
                        return call.get();
                    } catch (RuntimeException failure) {
                        throw budget.failed(typed(failure));
                    }
                }));
            });
            return succeeded(info, span, budget, result);
        } catch (Throwable thrown) {
            throw unchecked(failed(info, span, budget, thrown));
        }
    }

    /** A blocking HTTP call whose attempts each get {@code attemptTimeout} (or {@code null} for none). */
    public <T> T blocking(CallInfo info, Duration attemptTimeout, Function<AnswerHandle, Uni<T>> call) {
        CallSpan span = observer.started(info);
        Function<AnswerHandle, Uni<T>> traced = answerRecorded(info, handle -> span.parentOf(() -> call.apply(handle)));
        CallBudget budget = budget(info);
        try {
            T result = guards.retrying(() -> {
                throttleBlocking(budget);
                return ended(budget, () -> guards.inPlace(() -> awaitAttempt(budget, attemptTimeout, traced)));
            });
            return succeeded(info, span, budget, result);
        } catch (Throwable thrown) {
            throw unchecked(failed(info, span, budget, thrown));
        }
    }

    /** An asynchronous call of the application's own code ({@code @ClaudeResilience}). */
    public <T> Uni<T> async(CallInfo info, Supplier<Uni<T>> call) {
        return async(info, null, handle -> call.get());
    }

    /**
     * An asynchronous HTTP call whose attempts each get {@code attemptTimeout} (or {@code null} for none). Nothing
     * happens until it is subscribed; each subscription is a new call with its own budget. Cancelling the subscription
     * aborts the attempt in flight (its connection is closed, not left to finish) and sends no further attempt.
     */
    public <T> Uni<T> async(CallInfo info, Duration attemptTimeout, Function<AnswerHandle, Uni<T>> call) {
        return Uni.createFrom().deferred(() -> {
            CallSpan span = observer.started(info);
            CallBudget budget = budget(info);
            return guarded(budget, attemptTimeout, answerRecorded(info, handle -> span.parentOf(() -> call.apply(handle))))
                    .onItem().invoke(result -> succeeded(info, span, budget, result))
                    .onFailure().transform(thrown -> failed(info, span, budget, thrown))
                    .onCancellation().invoke(budget::cancel);
        });
    }

    /**
     * The attempts of an asynchronous call: a throttle wait first (outside the bulkhead, where it holds no place), then
     * the attempt in the client's place; a stream ({@code inPlace} false) takes its place itself, for its whole life.
     */
    private <T> Uni<T> guarded(CallBudget budget, Duration attemptTimeout, Function<AnswerHandle, Uni<T>> call) {
        return guarded(budget, attemptTimeout, call, true);
    }

    private <T> Uni<T> guarded(CallBudget budget, Duration attemptTimeout, Function<AnswerHandle, Uni<T>> call,
            boolean inPlace) {
        Supplier<Uni<T>> placed = inPlace
                ? () -> guards.inPlaceAsync(() -> attempt(budget, attemptTimeout, call))
                : () -> attempt(budget, attemptTimeout, call);
        return guards.retryingAsync(() -> throttled(budget, () -> placed.get().onTermination().invoke(
                (item, failure, cancelled) -> attemptEnded(budget, cancelled ? CANCELLED : failure))));
    }

    /** What an attempt that its caller cancelled ended with, for the gate. */
    private static final Throwable CANCELLED = new java.util.concurrent.CancellationException("cancelled");

    /** Runs a blocking attempt the gate admitted, and tells the gate how it ended. */
    private <T> T ended(CallBudget budget, Supplier<T> attempt) {
        Throwable failure = null;
        try {
            return attempt.get();
        } catch (RuntimeException | Error thrown) {
            failure = thrown;
            throw thrown;
        } finally {
            attemptEnded(budget, failure);
        }
    }

    /**
     * The attempt, which, when it succeeds, gives the call its answer's {@code request-id} for the call's event; as it
     * is, without an operator more on each call, when nobody observes the calls.
     */
    private <T> Function<AnswerHandle, Uni<T>> answerRecorded(CallInfo info, Function<AnswerHandle, Uni<T>> attempt) {
        if (info == null || observer == CallObserver.NONE) {
            return attempt;
        }
        return handle -> attempt.apply(handle).onItem().invoke(() -> info.answeredWith(handle.requestId()));
    }

    private <T> T succeeded(CallInfo info, CallSpan span, CallBudget budget, T result) {
        if (info != null) {
            info.recordResult(result);
            observer.completed(info, span, budget, null);
        }
        return result;
    }

    /** @return the failure the caller gets, after the observers heard of it */
    private Throwable failed(CallInfo info, CallSpan span, CallBudget budget, Throwable thrown) {
        Throwable outcome = budget.outcome(thrown);
        if (info != null) {
            observer.completed(info, span, budget, outcome);
        }
        return outcome;
    }

    /**
     * One attempt of an asynchronous call: the call, cut at its timeout (and at the deadline), its failure typed and
     * judged by the budget. A cancelled call fails its attempt in flight (which cancels the REST call: its connection
     * is reset), so that the guard ends the call and frees its bulkhead place; the guard itself does not pass
     * cancellation on.
     */
    private <T> Uni<T> attempt(CallBudget budget, Duration attemptTimeout, Function<AnswerHandle, Uni<T>> call) {
        AttemptLimit cut = AttemptLimit.of(budget, attemptTimeout);
        Uni<T> refused = refused(budget, cut.limit());
        if (refused != null) {
            return refused;
        }
        AnswerHandle handle = new AnswerHandle();
        return new CancellableAttempt<>(Uni.createFrom().<T> deferred(() -> call.apply(handle)), handle, budget)
                .ifNoItem().after(cut.limit()).failWith(() -> timeout(cut.limit(), cut.deadline()))
                .onFailure().transform(failure -> budget.failed(typed(failure)));
    }

    /** Where an attempt is cut: at its own timeout, or at the call's deadline when that comes first (or there is none). */
    private record AttemptLimit(Duration limit, boolean deadline) {
        static AttemptLimit of(CallBudget budget, Duration attemptTimeout) {
            Duration remaining = budget.remaining();
            boolean deadline = attemptTimeout == null || remaining.compareTo(attemptTimeout) < 0;
            return new AttemptLimit(deadline ? remaining : attemptTimeout, deadline);
        }
    }

    /**
     * One attempt of a blocking call, as {@link #attempt} but without a timer: the caller's thread waits for it at most
     * until its timeout, then cancels it (which resets its request). Outside a Vert.x thread, a Mutiny timer is a task
     * of the one scheduler of Quarkus's worker pool, behind a lock that every calling thread takes twice per attempt;
     * the waiting thread needs none.
     */
    private <T> T awaitAttempt(CallBudget budget, Duration attemptTimeout, Function<AnswerHandle, Uni<T>> call) {
        AttemptLimit cut = AttemptLimit.of(budget, attemptTimeout);
        Uni<T> refused = refused(budget, cut.limit());
        if (refused != null) {
            return refused.await().indefinitely();
        }
        AnswerHandle handle = new AnswerHandle();
        try {
            return plainThreads.startedOnIt(
                    new CancellableAttempt<>(Uni.createFrom().<T> deferred(() -> call.apply(handle)), handle, null)
                            .onFailure().transform(failure -> budget.failed(typed(failure))))
                    .await().atMost(cut.limit());
        } catch (io.smallrye.mutiny.TimeoutException expired) {
            throw budget.failed(typed(timeout(cut.limit(), cut.deadline())));
        }
    }

    /** The failed attempt of a call past its deadline or cancelled (during a backoff wait), else {@code null}. */
    private <T> Uni<T> refused(CallBudget budget, Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            return Uni.createFrom().failure(budget.failed(timeout(config.deadline(), true)));
        }
        if (budget.isCancelled()) {
            return Uni.createFrom().failure(budget.failed(CallBudget.cancelled())); // cancelled during a backoff wait
        }
        return null;
    }

    /**
     * Types an attempt's failure; a 429 with a {@code retry-after} also holds the client's other calls until then
     * (proactive throttling, or shared limits, which also take a 529's), so that they do not each earn the same 429 —
     * unless its class is set not to honour {@code retry-after}: then its plain backoff applies to every attempt.
     */
    private Throwable typed(Throwable failure) {
        Throwable typed = errors.apply(failure);
        AttemptGate current = gate;
        if (current != null && typed instanceof RateLimitException limited && !limited.isSpendLimitReached()
                && honoursRetryAfter(ErrorClass.RATE_LIMIT)) {
            limited.retryAfter().ifPresent(wait -> current.pauseAsked(pause(limited, ErrorClass.RATE_LIMIT, wait)));
        } else if (current != null && typed instanceof OverloadedException overloaded
                && honoursRetryAfter(ErrorClass.OVERLOADED)) {
            overloaded.retryAfter().ifPresent(wait -> current.pauseAsked(pause(overloaded, ErrorClass.OVERLOADED, wait)));
        }
        return typed;
    }

    private boolean honoursRetryAfter(ErrorClass errorClass) {
        return errorClass.settings(config).honorRetryAfter();
    }

    /** The pause an answer asks for, with the cap its class puts on the waits, as the call that got it obeys it. */
    private ClientPause pause(ClaudeApiException origin, ErrorClass errorClass, Duration retryAfter) {
        return new ClientPause(origin, retryAfter, errorClass.settings(config).maxRetryAfter(),
                errorClass.property(limits.property()) + ".max-retry-after");
    }

    /**
     * Types a failure as the attempts of this client's calls are typed, for a caller that must mark it before the policy
     * judges it (e.g. {@link io.quarkiverse.claude.errors.ClaudeException#withoutRetry}).
     */
    public Throwable typedFailure(Throwable failure) {
        return errors.apply(failure);
    }

    private ClientTimeoutException timeout(Duration limit, boolean deadline) {
        String setting = limits.property() + (deadline ? ".deadline" : ".attempt-timeout");
        return new ClientTimeoutException("No answer from the Claude API at " + limits.baseUrl() + " within " + limit
                + (deadline ? ", the time left before the call's deadline" : ", the timeout of one attempt")
                + ". Raise " + setting + ", or stream long generations.", limit);
    }

    private static RuntimeException unchecked(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new java.util.concurrent.CompletionException(failure);
    }

    /**
     * A stream of events. Until its first event, an attempt is a call like any other: a failure is retried within the
     * call's budget and deadline. Once an event has reached the caller, a failure is surfaced (typed), never retried,
     * since the caller has seen part of an answer. No item for {@code stream-idle-timeout} (before the first event or
     * between two) fails the stream with a {@link ClientTimeoutException} and closes its connection.
     */
    public <T> Multi<T> stream(CallInfo info, Supplier<Multi<T>> call) {
        return Multi.createFrom().deferred(() -> {
            CallSpan span = observer.started(info);
            CallBudget budget = budget(info);
            return guarded(budget, null, handle -> StreamStart.of(span.parentOfStream(call)
                    .ifNoItem().after(config.streamIdleTimeout()).failWith(this::idleTimeout),
                    failure -> lateStreamFailure(budget, failure), guards::inPlaceAsync), false)
                    .onCancellation().invoke(budget::cancel)
                    .onFailure().transform(budget::outcome)
                    .onItem().transformToMulti(events -> events)
                    .onTermination().invoke((failure, cancelled) -> {
                        if (info != null) {
                            observer.completed(info, span, budget, failure);
                        }
                    });
        });
    }

    private ClientTimeoutException idleTimeout() {
        Duration idle = config.streamIdleTimeout();
        return new ClientTimeoutException("The streamed answer of the Claude API at " + limits.baseUrl()
                + " sent nothing for " + idle + " (" + limits.property() + ".stream-idle-timeout); the connection "
                + "was closed. The API sends ping events while it thinks, so a silent stream has stalled.", idle);
    }

    /**
     * A failure of a stream after its first event: typed, counted as the call's last failed attempt (for its event),
     * logged, and passed on without a retry.
     */
    private Throwable lateStreamFailure(CallBudget budget, Throwable failure) {
        Throwable typed = errors.apply(failure);
        budget.streamFailed(typed);
        return typed;
    }
}
