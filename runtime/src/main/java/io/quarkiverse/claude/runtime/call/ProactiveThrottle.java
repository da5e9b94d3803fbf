package io.quarkiverse.claude.runtime.call;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import io.quarkiverse.claude.model.RateLimits.RateLimit;
import io.quarkiverse.claude.model.RateLimits;
import io.quarkiverse.claude.runtime.rest.RateLimitTracker;

/**
 * Proactive throttling ({@code quarkus.claude.resilience.throttling.enabled}): before each attempt, says how long to wait so
 * that the attempt fits in the client's rate limits, instead of earning a 429.
 * <p>
 * Each of the four limits of the {@code anthropic-ratelimit-*} headers (requests, tokens, input tokens, output tokens)
 * is followed as a bucket, from the latest answer's snapshot: it held {@code remaining}, less what the attempts still
 * in flight when the answer came may take (the answer may not show them); until its {@code reset} nothing comes back
 * (whether the API's limiter refills a bucket or opens a new window); at the reset it gets back what it was missing at
 * the snapshot, and from then on it refills at the rate the snapshot implied ({@code limit - remaining} by the
 * reset), never above {@code limit}. An attempt takes one request and its {@link AttemptCost}; one that does not fit
 * waits until the bucket holds it, so at a reset no more attempts go than the limit admits and the rest follow at its
 * pace. A 429 with a {@code retry-after} holds every attempt until then, or refuses it at once when that is longer
 * than the 429's {@code max-retry-after} ({@link ClientPause}). Best effort within one JVM: other replicas
 * are seen only through the headers.
 */
final class ProactiveThrottle implements AttemptGate {

    /** Added to a wait for a limit, for clocks that disagree by a little. */
    static final Duration MARGIN = Duration.ofMillis(20);
    /** The window a limit is taken to refill over when its snapshot does not tell (a full bucket). */
    static final Duration WINDOW = Duration.ofMinutes(1);

    private final Supplier<RateLimitTracker.Snapshot> latest;
    // all guarded by this
    private RateLimitTracker.Snapshot seen;
    private final Bucket[] buckets = new Bucket[4];
    /** Per limit, the headers its bucket was last built from. */
    private final RateLimit[] followed = new RateLimit[4];
    /** Per limit, the last refill rate a snapshot told with some precision; 0 until one did. */
    private final double[] knownRate = new double[4];
    /** What the attempts admitted and not yet ended take: requests, tokens, input, output. */
    private final long[] inFlight = new long[4];
    /** The 429's {@code retry-after} that holds every attempt of the client the longest; null when none did yet. */
    private ClientPause held;

    ProactiveThrottle(Supplier<RateLimitTracker.Snapshot> latest) {
        this.latest = latest;
    }

    /**
     * Called before each attempt.
     *
     * @return how long the attempt should wait; zero when it fits now (it is then counted)
     * @throws io.quarkiverse.claude.errors.RateLimitException when a 429's pause holds it longer than its
     *         {@code max-retry-after}
     */
    synchronized Duration beforeAttempt(AttemptCost cost) {
        Instant now = Instant.now();
        follow(latest.get(), now);
        long[] costs = costs(cost);
        Duration wait = held == null ? Duration.ZERO : held.waitOrRefuse();
        Duration shortfall = Duration.ZERO;
        for (int i = 0; i < buckets.length; i++) {
            if (buckets[i] != null) {
                shortfall = longer(shortfall, buckets[i].until(costs[i], now));
            }
        }
        if (wait.isZero() && shortfall.isZero()) {
            take(costs, now);
            return Duration.ZERO;
        }
        return longer(wait, shortfall.isZero() ? shortfall : shortfall.plus(MARGIN));
    }

    private void take(long[] costs, Instant now) {
        for (int i = 0; i < buckets.length; i++) {
            if (buckets[i] != null) {
                buckets[i].take(costs[i], now);
            }
            inFlight[i] += costs[i];
        }
    }

    /** The limits shared with other replicas admitted it: it takes from these buckets all the same. */
    @Override
    public synchronized void admittedElsewhere(Object call, AttemptCost cost) {
        Instant now = Instant.now();
        follow(latest.get(), now);
        take(costs(cost), now);
    }

    @Override
    public Duration beforeAttempt(Object call, AttemptCost cost) {
        return beforeAttempt(cost);
    }

    @Override
    public void ended(Object call, AttemptCost cost, Throwable failure) {
        ended(cost);
    }

    /** Only a 429's: a 529 is the circuit breaker's concern within one replica. */
    @Override
    public void pauseAsked(ClientPause pause) {
        if (!pause.overloaded()) {
            holdFor(pause);
        }
    }

    /** An attempt admitted by {@link #beforeAttempt} has ended. */
    synchronized void ended(AttemptCost cost) {
        long[] costs = costs(cost);
        for (int i = 0; i < inFlight.length; i++) {
            inFlight[i] = Math.max(0, inFlight[i] - costs[i]);
        }
    }

    /**
     * A 429 asked to wait: every attempt of the client waits until then, not only the call that earned it, which would
     * otherwise each earn the same 429 (or fails at once, when that is longer than the 429's max-retry-after).
     */
    synchronized void holdFor(ClientPause pause) {
        held = ClientPause.later(held, pause);
    }

    /**
     * A new snapshot starts the buckets anew, less what the attempts in flight may take; but only for limits it tells
     * something newer about (the tracker orders snapshots by their first limit; the others are checked here).
     */
    private void follow(RateLimitTracker.Snapshot snapshot, Instant now) {
        if (snapshot == seen) {
            return;
        }
        seen = snapshot;
        Instant at = snapshot.receivedAt().isAfter(now) ? now : snapshot.receivedAt();
        RateLimits limits = snapshot.limits();
        RateLimit[] each = { limits.requests(), limits.tokens(), limits.inputTokens(), limits.outputTokens() };
        for (int i = 0; i < buckets.length; i++) {
            if (!RateLimitTracker.newer(each[i], followed[i])) {
                continue;
            }
            Bucket bucket = Bucket.of(each[i], at, inFlight[i], knownRate[i]);
            if (bucket != null) {
                buckets[i] = bucket;
                followed[i] = each[i];
                if (bucket.rateFromSnapshot) {
                    knownRate[i] = bucket.perSecond;
                }
            }
        }
    }

    private static long[] costs(AttemptCost cost) {
        return new long[] { 1, cost.inputTokens() + cost.outputTokens(), cost.inputTokens(), cost.outputTokens() };
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** One limit, followed from a snapshot. */
    private static final class Bucket {

        private final double capacity;
        private final Instant reset;
        /** What the bucket gets back at its reset: what it was missing at the snapshot. */
        private final double missing;
        private final double perSecond;
        /** Whether the snapshot itself told the rate (else an earlier one's, or a guess). */
        private final boolean rateFromSnapshot;
        private double level;
        private Instant levelAt;
        private boolean afterReset;

        private Bucket(double capacity, Instant reset, double missing, double perSecond, boolean rateFromSnapshot,
                double level, Instant at) {
            this.capacity = capacity;
            this.reset = reset;
            this.missing = missing;
            this.perSecond = perSecond;
            this.rateFromSnapshot = rateFromSnapshot;
            this.level = level;
            this.levelAt = at;
            this.afterReset = !reset.isAfter(at);
        }

        /**
         * The rate is what was missing by the reset; since {@code remaining} is rounded down, the true missing part may
         * be up to one less, so that is what is counted on (a rate read from one missing unit could be anything from
         * zero up: then an earlier snapshot's rate, or the limit per minute).
         *
         * @return the bucket of a limit, or {@code null} when the headers do not tell enough to follow it
         */
        static Bucket of(RateLimit limit, Instant at, long inFlight, double knownRate) {
            if (limit == null || limit.remaining() == null || limit.reset() == null || limit.limit() == null) {
                return null;
            }
            double capacity = Math.max(limit.limit(), limit.remaining());
            Instant reset = limit.reset().toInstant();
            boolean whole = !reset.isAfter(at);
            double remaining = whole ? capacity : limit.remaining();
            double toFull = Duration.between(at, reset).toNanos() / 1e9;
            double surelyMissing = capacity - remaining - 1;
            boolean told = !whole && surelyMissing >= 1;
            double perSecond = told ? surelyMissing / toFull
                    : knownRate > 0 ? knownRate : capacity / WINDOW.toSeconds();
            return new Bucket(capacity, reset, capacity - remaining, perSecond, told, remaining - inFlight, at);
        }

        /** @return the level at {@code now}: nothing back before the reset, what was missing at it, then the refill */
        private double levelAt(Instant now) {
            double at = level;
            Instant from = levelAt;
            if (!afterReset) {
                if (now.isBefore(reset)) {
                    return at;
                }
                at = Math.min(capacity, at + missing);
                from = reset;
            }
            return Math.min(capacity, at + perSecond * Duration.between(from, now).toNanos() / 1e9);
        }

        /** @return how long until the bucket holds {@code cost}; zero when it does, or when it never could */
        Duration until(long cost, Instant now) {
            if (cost <= 0 || cost > capacity) {
                return Duration.ZERO;
            }
            double now0 = levelAt(now);
            if (now0 >= cost) {
                return Duration.ZERO;
            }
            if (!afterReset && now.isBefore(reset)) {
                double atReset = Math.min(capacity, level + missing);
                Duration toReset = Duration.between(now, reset);
                return atReset >= cost ? toReset : toReset.plus(seconds((cost - atReset) / perSecond));
            }
            return seconds((cost - now0) / perSecond);
        }

        void take(long cost, Instant now) {
            level = levelAt(now) - cost;
            if (!afterReset && !now.isBefore(reset)) {
                afterReset = true;
            }
            levelAt = now;
        }

        private static Duration seconds(double seconds) {
            return Duration.ofNanos((long) Math.ceil(seconds * 1e9));
        }
    }
}
