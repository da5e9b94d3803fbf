package io.quarkiverse.claude.testing;

import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How a {@link ClaudeSimulator} misbehaves on its own, without a scripted {@link Fault}: a share of the requests get an
 * error or a dropped connection, answers come late. Immutable; pass it to {@link SimulatorOptions#scenario(Scenario)}
 * at start, or to {@link ClaudeSimulator#scenario(Scenario)} while it runs.
 * <p>
 * The presets, also by name for {@link #parse(String)}:
 * <ul>
 * <li>{@link #normal()} ({@code normal}): no faults, no latency;</li>
 * <li>{@link #rateLimited()} ({@code rate-limited}): 30 % of the requests get 429 {@code rate_limit_error} with
 * {@code retry-after: 1};</li>
 * <li>{@link #overloaded()} ({@code overloaded}): bursts of three consecutive 529 {@code overloaded_error}; a burst
 * starts on 15 % of the requests that are not in a burst already, so about 35 % of all requests get a 529;</li>
 * <li>{@link #flaky()} ({@code flaky}): 10 % 500 {@code api_error}, 10 % 429 with {@code retry-after: 1}, 5 % 529,
 * 5 % dropped connections;</li>
 * <li>{@link #slow()} ({@code slow}): every answer waits a random 1 to 3 s (on a timer, the event loop is never
 * blocked).</li>
 * </ul>
 * <p>
 * <b>Which requests</b>: a scenario governs {@code POST /v1/messages} (streamed or not) and
 * {@code POST /v1/messages/count_tokens}; models and batches are always answered normally. A request answered by a
 * scripted fault ({@link ClaudeSimulator#enqueue(Fault...)}, {@link ClaudeSimulator#always(Fault)}) does not go
 * through the scenario at all: scripted faults take precedence. Like scripted faults, a scenario's error or dropped
 * connection answers whatever the request is (no auth, version or validity checks); a delayed normal answer is checked
 * as usual. A scenario's error comes as a plain HTTP error, before any stream starts.
 * <p>
 * <b>Randomness</b>: each request draws from a {@link java.util.Random} seeded with {@link #seed()}, which is
 * {@link #DEFAULT_SEED} unless {@link Builder#seed(long)} says otherwise; so a run with the same sequence of requests
 * gets the same faults (requests in parallel draw in arrival order). The draws start over from the seed whenever the
 * scenario is (re)applied: at start, by {@link ClaudeSimulator#scenario(Scenario)} and by
 * {@link ClaudeSimulator#reset()}. For runs that differ, use {@code seed(System.nanoTime())}.
 *
 * <pre>
 * SimulatorOptions.defaults().scenario(Scenario.parse(config.scenario()));
 * sim.scenario(Scenario.builder().faultRate(529, 0.2).latency(Duration.ofMillis(5), Duration.ofMillis(20)).build());
 * </pre>
 */
public final class Scenario {

    /** The seed of every scenario unless {@link Builder#seed(long)} sets another: runs are reproducible. */
    public static final long DEFAULT_SEED = 20261125L;

    /** The {@code retry-after} of the 429s, unless {@link Builder#retryAfter(Duration)} sets another: 1 s. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    /** The statuses {@link Builder#faultRate(int, double)} accepts, with the error type the API sends with each. */
    static final Map<Integer, String> ERROR_TYPES;

    static {
        Map<Integer, String> m = new TreeMap<>();
        m.put(400, "invalid_request_error");
        m.put(401, "authentication_error");
        m.put(402, "billing_error");
        m.put(403, "permission_error");
        m.put(404, "not_found_error");
        m.put(409, "conflict_error");
        m.put(413, "request_too_large");
        m.put(429, "rate_limit_error");
        m.put(500, "api_error");
        m.put(504, "timeout_error");
        m.put(529, "overloaded_error");
        ERROR_TYPES = Collections.unmodifiableMap(m);
    }

    private static final String NAMES = "normal, rate-limited, overloaded, flaky, slow";

    private static final Scenario NORMAL = builder().name("normal").build();
    private static final Scenario RATE_LIMITED = builder().name("rate-limited").faultRate(429, 0.30).build();
    private static final Scenario OVERLOADED = builder().name("overloaded").burst(529, 0.15, 3).build();
    private static final Scenario FLAKY = builder().name("flaky").faultRate(500, 0.10).faultRate(429, 0.10)
            .faultRate(529, 0.05).dropRate(0.05).build();
    private static final Scenario SLOW = builder().name("slow").latency(Duration.ofSeconds(1), Duration.ofSeconds(3))
            .build();

    /** A fault rule: on a request not in a burst, {@code rate} is the chance that a run of {@code length} starts. */
    record Rule(double rate, int length) {
    }

    private final String name;
    private final Map<Integer, Rule> rules;
    private final double dropRate;
    private final Duration retryAfter;
    private final Duration minLatency;
    private final Duration maxLatency;
    private final long seed;

    private Scenario(Builder b) {
        this.name = b.name;
        this.rules = Collections.unmodifiableMap(new TreeMap<>(b.rules));
        this.dropRate = b.dropRate;
        this.retryAfter = b.retryAfter;
        this.minLatency = b.minLatency;
        this.maxLatency = b.maxLatency;
        this.seed = b.seed;
    }

    // ---------------------------------------------------------------- presets

    /** No faults, no latency: the simulator's regular behaviour. */
    public static Scenario normal() {
        return NORMAL;
    }

    /** 30 % of the requests get 429 {@code rate_limit_error} with {@code retry-after: 1} (and {@code retry-after-ms: 1000}). */
    public static Scenario rateLimited() {
        return RATE_LIMITED;
    }

    /**
     * Bursts of three consecutive 529 {@code overloaded_error}: a burst starts on 15 % of the requests not in a burst,
     * so about 35 % of the requests get a 529, in runs of three.
     */
    public static Scenario overloaded() {
        return OVERLOADED;
    }

    /** A mix: 10 % 500 {@code api_error}, 10 % 429 with {@code retry-after: 1}, 5 % 529, 5 % dropped connections. */
    public static Scenario flaky() {
        return FLAKY;
    }

    /** Every answer (errors included) comes after a random 1 to 3 s. */
    public static Scenario slow() {
        return SLOW;
    }

    /** A scenario to build from nothing: no faults, no latency, {@link #DEFAULT_SEED}, named {@code custom}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this scenario's settings (and name), e.g. {@code Scenario.flaky().toBuilder().seed(7).build()}. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.rules.putAll(rules);
        b.dropRate = dropRate;
        b.retryAfter = retryAfter;
        b.minLatency = minLatency;
        b.maxLatency = maxLatency;
        b.seed = seed;
        return b;
    }

    /**
     * The preset of this name: {@code normal}, {@code rate-limited}, {@code overloaded}, {@code flaky} or {@code slow},
     * ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException for any other name (the message lists the valid ones), or null
     */
    public static Scenario parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "normal" -> NORMAL;
            case "rate-limited" -> RATE_LIMITED;
            case "overloaded" -> OVERLOADED;
            case "flaky" -> FLAKY;
            case "slow" -> SLOW;
            default -> throw new IllegalArgumentException(
                    "Unknown Claude simulator scenario '" + name + "'; valid names: " + NAMES);
        };
    }

    // ---------------------------------------------------------------- accessors

    /** The preset's name, or the one given to {@link Builder#name(String)}; {@code custom} by default. */
    public String name() {
        return name;
    }

    /** The chance that a request (not in a burst) gets {@code status}; 0 for a status the scenario never sends. */
    public double faultRate(int status) {
        Rule r = rules.get(status);
        return r == null ? 0 : r.rate();
    }

    /** The chance that the connection of a request is closed without an answer. */
    public double dropRate() {
        return dropRate;
    }

    /** The {@code retry-after} of the scenario's 429s. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public Duration minLatency() {
        return minLatency;
    }

    public Duration maxLatency() {
        return maxLatency;
    }

    public long seed() {
        return seed;
    }

    /** Whether this scenario ever changes an answer (a fault, a drop or latency). */
    public boolean isNormal() {
        return rules.isEmpty() && dropRate == 0 && maxLatency.isZero();
    }

    Map<Integer, Rule> rules() {
        return rules;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scenario s && name.equals(s.name) && rules.equals(s.rules) && dropRate == s.dropRate
                && retryAfter.equals(s.retryAfter) && minLatency.equals(s.minLatency)
                && maxLatency.equals(s.maxLatency) && seed == s.seed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, rules, dropRate, retryAfter, minLatency, maxLatency, seed);
    }

    /** E.g. {@code Scenario[flaky: 10% 429 rate_limit_error (retry-after 1s), 10% 500 api_error, ..., seed 20261125]}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Scenario[").append(name).append(':');
        String sep = " ";
        for (Map.Entry<Integer, Rule> e : rules.entrySet()) {
            int status = e.getKey();
            Rule r = e.getValue();
            s.append(sep).append(percent(r.rate())).append(' ').append(status).append(' ')
                    .append(ERROR_TYPES.get(status));
            if (r.length() > 1) {
                s.append(" in bursts of ").append(r.length());
            }
            if (status == 429) {
                s.append(" (retry-after ").append(millis(retryAfter)).append(')');
            }
            sep = ", ";
        }
        if (dropRate > 0) {
            s.append(sep).append(percent(dropRate)).append(" dropped connections");
            sep = ", ";
        }
        if (!maxLatency.isZero()) {
            s.append(sep).append("latency ").append(millis(minLatency)).append('-').append(millis(maxLatency));
            sep = ", ";
        }
        if (sep.equals(" ")) {
            s.append(" no faults");
            sep = ", ";
        }
        return s.append(sep).append("seed ").append(seed).append(']').toString();
    }

    private static String percent(double rate) {
        double p = rate * 100;
        return (p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p)) + "%";
    }

    private static String millis(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }

    /** Mutable builder of a {@link Scenario}; {@link #build()} checks that the rates add up to at most 1. */
    public static final class Builder {

        private String name = "custom";
        private final Map<Integer, Rule> rules = new TreeMap<>();
        private double dropRate;
        private Duration retryAfter = DEFAULT_RETRY_AFTER;
        private Duration minLatency = Duration.ZERO;
        private Duration maxLatency = Duration.ZERO;
        private long seed = DEFAULT_SEED;

        private Builder() {
        }

        /** A label for {@link Scenario#toString()} and logs. */
        public Builder name(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("Blank scenario name");
            }
            this.name = name;
            return this;
        }

        /**
         * Answers this share of the requests with {@code status} and the API's error type for it: 400
         * {@code invalid_request_error}, 401 {@code authentication_error}, 402 {@code billing_error}, 403
         * {@code permission_error}, 404 {@code not_found_error}, 409 {@code conflict_error}, 413
         * {@code request_too_large}, 429 {@code rate_limit_error} (with {@code retry-after}, see
         * {@link #retryAfter(Duration)}), 500 {@code api_error}, 504 {@code timeout_error}, 529
         * {@code overloaded_error}. Replaces an earlier rate for the status; 0 removes it.
         *
         * @param rate between 0 and 1, e.g. 0.1 for 10 %
         * @throws IllegalArgumentException for another status or a rate outside [0, 1]
         */
        public Builder faultRate(int status, double rate) {
            return burst(status, rate, 1);
        }

        /**
         * Runs of {@code length} consecutive {@code status} answers: on a request not in a run, one starts with chance
         * {@code rate}, and the next {@code length - 1} requests get the same error. {@code burst(s, r, 1)} is
         * {@link #faultRate(int, double) faultRate(s, r)}.
         */
        public Builder burst(int status, double rate, int length) {
            if (!ERROR_TYPES.containsKey(status)) {
                throw new IllegalArgumentException("Not a status the API documents an error type for: " + status
                        + "; one of " + ERROR_TYPES.keySet());
            }
            checkRate(rate);
            if (length < 1) {
                throw new IllegalArgumentException("Burst length must be >= 1: " + length);
            }
            if (rate == 0) {
                rules.remove(status);
            } else {
                rules.put(status, new Rule(rate, length));
            }
            return this;
        }

        /** Closes the connection of this share of the requests without an answer (the client sees an I/O error). */
        public Builder dropRate(double rate) {
            checkRate(rate);
            this.dropRate = rate;
            return this;
        }

        /**
         * The wait the 429s ask for: {@code retry-after} in whole seconds (rounded up) and {@code retry-after-ms} in
         * milliseconds. Default 1 s; zero is allowed (an immediate retry).
         */
        public Builder retryAfter(Duration wait) {
            Objects.requireNonNull(wait, "wait");
            if (wait.isNegative()) {
                throw new IllegalArgumentException("Negative retryAfter: " + wait);
            }
            this.retryAfter = wait;
            return this;
        }

        /**
         * Every answer (errors and dropped connections too) waits a random time from {@code min} to {@code max}
         * (uniform, in milliseconds), on a timer. {@code latency(ZERO, ZERO)}, the default, answers at once.
         */
        public Builder latency(Duration min, Duration max) {
            Objects.requireNonNull(min, "min");
            Objects.requireNonNull(max, "max");
            if (min.isNegative() || max.compareTo(min) < 0) {
                throw new IllegalArgumentException("Latency needs 0 <= min <= max: " + min + ", " + max);
            }
            this.minLatency = min;
            this.maxLatency = max;
            return this;
        }

        /** The seed of the scenario's random draws; {@link Scenario#DEFAULT_SEED} by default. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * @throws IllegalArgumentException if the fault rates and the drop rate add up to more than 1
         */
        public Scenario build() {
            double total = dropRate;
            for (Rule r : rules.values()) {
                total += r.rate();
            }
            if (total > 1 + 1e-9) {
                throw new IllegalArgumentException("Fault and drop rates add up to more than 1: " + total);
            }
            return new Scenario(this);
        }

        private static void checkRate(double rate) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("A rate is between 0 and 1: " + rate);
            }
        }
    }
}
