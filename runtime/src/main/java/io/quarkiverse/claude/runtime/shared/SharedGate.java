package io.quarkiverse.claude.runtime.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import io.quarkiverse.claude.errors.OverloadedException;
import io.quarkiverse.claude.model.RateLimits;
import io.quarkiverse.claude.model.RateLimits.RateLimit;
import io.quarkiverse.claude.runtime.call.AttemptCost;
import io.quarkiverse.claude.runtime.call.AttemptGate;
import io.quarkiverse.claude.runtime.call.ClientPause;
import io.quarkiverse.claude.runtime.rest.RateLimitTracker;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;

/**
 * The gate of one client whose limits are shared with other replicas through Redis: each admission is one run of the
 * script, which also carries what this replica learnt since its last one (attempts ended, its newest rate-limit
 * snapshot). A pause and the circuit's events are sent at once instead, since the other replicas must see them before
 * their next attempt. When Redis does not answer within the timeout, the attempt goes by the client's own gate.
 */
final class SharedGate implements AttemptGate {

    static final int ADMITTED = 0;
    static final int PAUSED = 1;
    static final int OVER_BUDGET = 2;
    static final int CIRCUIT_OPEN = 3;
    static final int TRIAL = 4;
    private static final String[] DECISIONS = { "admitted", "paused", "over budget", "circuit open", "trial" };
    private static final Logger LOG = Logger.getLogger("io.quarkiverse.claude.shared-limits");
    /** Added to a wait for the budget, for the time the script's answer takes to arrive. */
    static final long MARGIN_MILLIS = 20;
    /** How long the keys stay after their last use, and an open circuit after its delay without a trial's outcome. */
    static final Duration IDLE_TTL = Duration.ofMinutes(2);
    /** How long the half-open trial is one replica's at most, if it never tells its outcome. */
    static final Duration TRIAL_LEASE = Duration.ofSeconds(30);
    /** The longest an attempt waits for the shared budget before it asks again. */
    static final Duration BUDGET_RECHECK = Duration.ofSeconds(1);
    /** How soon attempts ended are sent on their own when no admission carries them. */
    static final Duration REPORT_DELAY = Duration.ofMillis(250);

    private final String clientName;
    private final Namespace namespace;
    private final RedisScript redis;
    private final Supplier<RateLimitTracker.Snapshot> latest;
    /** The client's own gate (its proactive throttle), or {@code null} when throttling is off. */
    private final AttemptGate local;
    private final boolean budget;
    private final Duration timeout;
    private final SharedLimitsMeters meters;
    private final String replica = UUID.randomUUID().toString();
    /** Numbers the admissions asked for: with {@link #replica}, each attempt's token. */
    private final AtomicLong asks = new AtomicLong();

    // guarded by this: what the next run of the script carries
    /** The tokens of the attempts Redis admitted (or may have: its reply did not come) that have ended since. */
    private final List<String> ended = new ArrayList<>();
    private RateLimitTracker.Snapshot sent = null;
    private long pauseUntilNanos;
    private boolean pausePending;
    /**
     * The longest pause this replica's own answers asked for: an attempt it would hold longer than its class's
     * {@code max-retry-after} is refused before Redis is asked, as with the local gate. (A pause another replica earned
     * comes without its answer: it is waited.)
     */
    private ClientPause ownPause;
    private final List<String[]> circuitEvents = new ArrayList<>();
    private final AtomicBoolean reportScheduled = new AtomicBoolean();

    /**
     * The calls whose attempt in flight Redis admitted (and counts in flight until it hears that it ended). An attempt
     * admitted locally while Redis was out is not in it.
     */
    private final Map<Object, Admission> admitted = Collections.synchronizedMap(new IdentityHashMap<>());

    /**
     * @param token the attempt's own, under which Redis holds its cost in flight until it hears that it ended
     * @param trial whether it is the circuit's half-open trial (the token is then also the trial's lease)
     */
    private record Admission(String token, boolean trial) {
    }

    SharedGate(String clientName, Namespace namespace, RedisScript redis, Supplier<RateLimitTracker.Snapshot> latest,
            AttemptGate local, boolean budget, Duration timeout, SharedLimitsMeters meters) {
        this.clientName = clientName;
        this.namespace = namespace;
        this.redis = redis;
        this.latest = latest;
        this.local = local;
        this.budget = budget;
        this.timeout = timeout;
        this.meters = meters;
    }

    @Override
    public boolean remote() {
        return true;
    }

    @Override
    public Duration beforeAttempt(Object call, AttemptCost cost) {
        try {
            // bounded inside by the timeout; the margin here is only a safety net
            return beforeAttemptAsync(call, cost).await().atMost(timeout.plusSeconds(1));
        } catch (io.smallrye.mutiny.TimeoutException slow) {
            return localWait(call, cost);
        }
    }

    @Override
    public Uni<Duration> beforeAttemptAsync(Object call, AttemptCost cost) {
        return Uni.createFrom().deferred(() -> {
            refuseIfPausedTooLong();
            if (!redis.mayAsk()) {
                meters.fallback(clientName);
                return Uni.createFrom().item(() -> localWait(call, cost));
            }
            String token = replica + ":" + asks.incrementAndGet();
            Report report = report(false);
            return redis.run(namespace.keys(), report.args("admit", token, cost, budget))
                    .onItemOrFailure().transform((reply, failure) -> {
                        if (failure != null) {
                            restore(report);
                            if (budget) {
                                // Redis may have admitted it before the reply failed to come: its end goes with the
                                // next run, which frees its cost if Redis holds it and does nothing if not
                                endedUnanswered(token);
                            }
                            meters.fallback(clientName);
                            return localWait(call, cost);
                        }
                        return admitted(call, token, cost, reply);
                    });
        });
    }

    private Duration admitted(Object call, String token, AttemptCost cost, Response reply) {
        int code = reply.get(0).toInteger();
        long waitMillis = reply.get(1).toLong();
        if (LOG.isDebugEnabled() && reply.size() >= 4) {
            long level = reply.get(2).toLong();
            LOG.debugf("Claude client %s, shared admission: %s, wait %d ms (requests budget %s, %d in flight)",
                    clientName, DECISIONS[code], waitMillis, level < 0 ? "unknown" : level / 1000.0,
                    reply.get(3).toLong());
        }
        switch (code) {
            case ADMITTED:
            case TRIAL:
                admitted.put(call, new Admission(token, code == TRIAL));
                if (local != null) {
                    // ended() tells the local gate of every attempt: it must know of this one, and it decides alone
                    // as soon as Redis does not answer, with this attempt possibly still in flight
                    local.admittedElsewhere(call, cost);
                }
                return Duration.ZERO;
            case CIRCUIT_OPEN:
                meters.circuitRejection(clientName);
                throw new CircuitBreakerOpenException("The circuit of the Claude client " + clientName
                        + " is open for all the replicas that share its limits (another replica's attempts were "
                        + "answered 529)" + (waitMillis > 0 ? "; trials in " + waitMillis + " ms" : ""));
            default:
                // a pause is the server's own retry-after: waited out whole; a wait for the budget is the script's
                // estimate from what it knows now (a limit whose refill rate it has not seen yet is assumed to refill
                // over a minute), so the attempt asks again within BUDGET_RECHECK, when newer answers may show more
                Duration wait = Duration.ofMillis(Math.max(1,
                        code == OVER_BUDGET ? Math.min(waitMillis, BUDGET_RECHECK.toMillis()) : waitMillis));
                meters.waited(clientName, code == PAUSED ? "pause" : "budget", wait);
                return wait;
        }
    }

    /** Redis is out: the client's own gate decides, as without shared limits. */
    private Duration localWait(Object call, AttemptCost cost) {
        return local == null ? Duration.ZERO : local.beforeAttempt(call, cost);
    }

    @Override
    public void ended(Object call, AttemptCost cost, Throwable failure) {
        if (local != null) {
            local.ended(call, cost, failure);
        }
        Admission admission = admitted.remove(call);
        if (admission == null) {
            return; // admitted locally: the shared budget never counted it
        }
        boolean send = false;
        synchronized (this) {
            if (budget) {
                ended.add(admission.token());
            }
            if (admission.trial()) {
                String event = noVerdict(failure) ? "trial-void" : overloaded(failure) ? "trial-failed" : "trial-ok";
                circuitEvents.add(new String[] { event, admission.token() });
                send = true;
            }
        }
        if (send) {
            reportNow();
        } else if (budget && reportScheduled.compareAndSet(false, true)) {
            // when no admission comes soon to carry them, the attempts ended go on their own, so that the shared
            // budget does not count them in flight for long
            Uni.createFrom().voidItem().onItem().delayIt().by(REPORT_DELAY).subscribe().with(ignored -> {
                reportScheduled.set(false);
                if (hasEnded()) {
                    reportNow();
                }
            });
        }
    }

    @Override
    public void pauseAsked(ClientPause pause) {
        if (local != null) {
            local.pauseAsked(pause);
        }
        synchronized (this) {
            ownPause = ClientPause.later(ownPause, pause);
            long until = System.nanoTime() + pause.retryAfter().toNanos();
            if (!pausePending || until - pauseUntilNanos > 0) {
                pauseUntilNanos = until;
            }
            pausePending = true;
        }
        reportNow();
    }

    /** A 429 or 529 of this replica holds the client longer than its class's {@code max-retry-after}: not sent. */
    private void refuseIfPausedTooLong() {
        ClientPause pause;
        synchronized (this) {
            pause = ownPause;
        }
        if (pause != null) {
            pause.waitOrRefuse();
        }
    }

    @Override
    public void circuitOpened(Duration delay) {
        synchronized (this) {
            circuitEvents.add(new String[] { "open", "" });
        }
        reportNow();
    }

    @Override
    public String status() {
        Instant since = redis.downSince();
        return since == null ? "shared (prefix " + namespace.prefix() + ")"
                : "local fallback since " + since + " (Redis did not answer)";
    }

    /** Sends what this replica learnt without waiting for its next admission; a failure only counts as an outage. */
    private void reportNow() {
        if (!redis.mayAsk()) {
            return;
        }
        Report report = report(true);
        redis.run(namespace.keys(), report.args("report", report.token, AttemptCost.REQUEST_ONLY, budget))
                .subscribe().with(ignored -> {
                    if (hasCircuitEvents()) {
                        reportNow(); // one event per run, in order
                    }
                }, failure -> restore(report));
    }

    private synchronized boolean hasCircuitEvents() {
        return !circuitEvents.isEmpty();
    }

    private synchronized boolean hasEnded() {
        return !ended.isEmpty();
    }

    private synchronized void endedUnanswered(String token) {
        ended.add(token);
    }

    /**
     * Takes what the next run carries: a circuit event only for a report (an admission's token is its own), one per
     * run (the next one follows when it is done).
     */
    private synchronized Report report(boolean events) {
        List<String> endedNow = List.copyOf(ended);
        ended.clear();
        long pauseMillis = 0;
        if (pausePending) {
            pauseMillis = Math.max(0, TimeUnit.NANOSECONDS.toMillis(pauseUntilNanos - System.nanoTime() + 999_999));
            pausePending = false;
        }
        String[] event = !events || circuitEvents.isEmpty() ? null : circuitEvents.remove(0);
        RateLimitTracker.Snapshot snapshot = budget ? latest.get() : null;
        if (snapshot == sent || snapshot == null || !snapshot.limits().isPresent()) {
            snapshot = null;
        } else {
            sent = snapshot;
        }
        return new Report(endedNow, pauseMillis, event == null ? "" : event[0], event == null ? "" : event[1],
                snapshot);
    }

    /** Redis did not take it: the attempts ended and the snapshot go with a later run. */
    private synchronized void restore(Report report) {
        ended.addAll(report.ended);
        if (report.snapshot != null && sent == report.snapshot) {
            sent = null;
        }
    }

    /**
     * A trial that was cancelled, or never reached the API (this replica's bulkhead or its own open breaker turned it
     * away), says nothing about the API: the next replica that asks has the trial.
     */
    private static boolean noVerdict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CancellationException
                    || cause instanceof org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException
                    || cause instanceof CircuitBreakerOpenException) {
                return true;
            }
        }
        return false;
    }

    private static boolean overloaded(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OverloadedException) {
                return true;
            }
        }
        return false;
    }

    private static long[] costs(AttemptCost cost) {
        return new long[] { 1, cost.inputTokens() + cost.outputTokens(), cost.inputTokens(), cost.outputTokens() };
    }

    /** What one run of the script carries besides the admission. */
    private final class Report {
        final List<String> ended;
        final long pauseMillis;
        final String event;
        final String token;
        final RateLimitTracker.Snapshot snapshot;

        Report(List<String> ended, long pauseMillis, String event, String token, RateLimitTracker.Snapshot snapshot) {
            this.ended = ended;
            this.pauseMillis = pauseMillis;
            this.event = event;
            this.token = token;
            this.snapshot = snapshot;
        }

        List<String> args(String op, String trialToken, AttemptCost cost, boolean budgetOn) {
            List<String> args = new ArrayList<>(30 + ended.size());
            args.add(op);
            args.add(trialToken);
            for (long c : costs(cost)) {
                args.add(Long.toString(c));
            }
            args.add(budgetOn ? "1" : "0");
            args.add(Long.toString(pauseMillis));
            args.add(event);
            args.add(Long.toString(circuitDelay.toMillis()));
            snapshot(args);
            args.add(Long.toString(IDLE_TTL.toMillis()));
            args.add(Long.toString(TRIAL_LEASE.toMillis()));
            args.add(Long.toString(MARGIN_MILLIS));
            args.addAll(ended);
            return args;
        }

        /** Its times as durations from when this replica received it, so that the replicas' clocks do not matter. */
        private void snapshot(List<String> args) {
            if (snapshot == null) {
                for (int i = 0; i < 17; i++) {
                    args.add("");
                }
                return;
            }
            Instant received = snapshot.receivedAt();
            args.add(Long.toString(Math.max(0, Duration.between(received, Instant.now()).toMillis())));
            RateLimits limits = snapshot.limits();
            for (RateLimit limit : new RateLimit[] { limits.requests(), limits.tokens(), limits.inputTokens(),
                    limits.outputTokens() }) {
                boolean known = limit != null && limit.limit() != null && limit.remaining() != null
                        && limit.reset() != null;
                args.add(known ? Long.toString(limit.limit()) : "");
                args.add(known ? Long.toString(limit.remaining()) : "");
                args.add(known ? Long.toString(Duration.between(received, limit.reset().toInstant()).toMillis()) : "");
                args.add(known ? Long.toString(limit.reset().toInstant().toEpochMilli()) : "");
            }
        }
    }

    private Duration circuitDelay = Duration.ZERO;

    /** The delay of the client's circuit breaker: how long an open circuit rejects before its trial. */
    SharedGate circuitDelay(Duration delay) {
        this.circuitDelay = delay;
        return this;
    }
}
