package io.quarkiverse.claude.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * How to start a {@link ClaudeSimulator}; a small mutable builder.
 * <p>
 * The simulator takes a copy when it starts, so changing the options afterwards has no effect on a running simulator.
 *
 * <pre>
 * ClaudeSimulator sim = ClaudeSimulator.start(SimulatorOptions.defaults()
 *         .apiKey("sk-test")
 *         .maxBodyBytes(1024));
 * </pre>
 */
public final class SimulatorOptions {

    /** The API's limit for Messages requests: 32 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 32L * 1024 * 1024;

    /** The API's limit for Message Batches creation requests: 256 MiB. */
    public static final long DEFAULT_MAX_BATCH_BODY_BYTES = 256L * 1024 * 1024;

    /** How long a Message Batch is in progress before it ends, by default: 200 ms. */
    public static final Duration DEFAULT_BATCH_PROCESSING_DELAY = Duration.ofMillis(200);

    /** The window of {@link #requestsPerMinute(int)}, by default: one minute. */
    public static final Duration DEFAULT_RATE_LIMIT_WINDOW = Duration.ofMinutes(1);

    private int port;
    private String apiKey;
    /** null: the models of the extension's catalogue */
    private List<String> models;
    private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private long maxBatchBodyBytes = DEFAULT_MAX_BATCH_BODY_BYTES;
    private long maxFileBytes = FilesEndpoint.DEFAULT_MAX_FILE_BYTES;
    private Duration batchProcessingDelay = DEFAULT_BATCH_PROCESSING_DELAY;
    private Scenario scenario = Scenario.normal();
    private int requestsPerMinute;
    private Duration rateLimitWindow = DEFAULT_RATE_LIMIT_WINDOW;
    private double tokenBucketRate;
    private int tokenBucketBurst;

    private SimulatorOptions() {
    }

    /**
     * Random free port, any non-blank key accepted, the models of the extension's catalogue, 32 MiB body limit (256 MiB for batch creation),
     * batches processed in 200 ms, {@link Scenario#normal()}, no request budget, no token bucket.
     */
    public static SimulatorOptions defaults() {
        return new SimulatorOptions();
    }

    /** The port to listen on (on 127.0.0.1); 0, the default, picks a free one. */
    public SimulatorOptions port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Not a port: " + port);
        }
        this.port = port;
        return this;
    }

    /**
     * Accepts only this key (in {@code x-api-key} or {@code authorization: Bearer}); others get 401. By default, or
     * with null, any non-blank key is accepted.
     */
    public SimulatorOptions apiKey(String requiredKey) {
        if (requiredKey != null && requiredKey.isBlank()) {
            throw new IllegalArgumentException("A required API key must not be blank");
        }
        this.apiKey = requiredKey;
        return this;
    }

    /**
     * The model ids the simulator knows, in the order {@code GET /v1/models} lists them; replaces the default: every
     * model of the extension's catalogue ({@code META-INF/quarkus-claude/models.json}) that is not retired, by id and
     * by alias, the same models the extension's build accepts. Requests for other models get 404
     * {@code not_found_error}.
     */
    public SimulatorOptions models(Collection<String> ids) {
        Objects.requireNonNull(ids, "ids");
        List<String> copy = new ArrayList<>(ids.size());
        for (String id : ids) {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("Blank model id in " + ids);
            }
            if (!copy.contains(id)) {
                copy.add(id);
            }
        }
        this.models = List.copyOf(copy);
        return this;
    }

    /**
     * The largest request body accepted, except by {@code POST /v1/messages/batches} (see
     * {@link #maxBatchBodyBytes(long)}); larger ones get 413 {@code request_too_large}. Default 32 MiB.
     */
    public SimulatorOptions maxBodyBytes(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes must be >= 0: " + bytes);
        }
        this.maxBodyBytes = bytes;
        return this;
    }

    /**
     * The largest body accepted by {@code POST /v1/messages/batches}; larger ones get 413 {@code request_too_large}.
     * Default 256 MiB, the API's limit for batches.
     */
    public SimulatorOptions maxBatchBodyBytes(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("maxBatchBodyBytes must be >= 0: " + bytes);
        }
        this.maxBatchBodyBytes = bytes;
        return this;
    }

    /**
     * The largest file {@code POST /v1/files} stores; larger ones get 413 {@code request_too_large}. Default 500 MB, the
     * Files API's limit per file.
     */
    public SimulatorOptions maxFileBytes(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("maxFileBytes must be >= 0: " + bytes);
        }
        this.maxFileBytes = bytes;
        return this;
    }

    /**
     * How long a Message Batch stays {@code in_progress} before all its requests are answered and it ends (on a Vert.x
     * timer, the event loop is never blocked). Default 200 ms; at least 1 ms is used.
     */
    public SimulatorOptions batchProcessingDelay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("Negative batchProcessingDelay: " + delay);
        }
        this.batchProcessingDelay = delay;
        return this;
    }

    /**
     * The {@link Scenario} the simulator starts with, and comes back to on {@link ClaudeSimulator#reset()}. Default
     * {@link Scenario#normal()}.
     */
    public SimulatorOptions scenario(Scenario scenario) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        return this;
    }

    /**
     * Enforces a request budget on {@code POST /v1/messages}, as the API's rate limiter does: at most
     * {@code requests} answers per window (one minute unless {@link #rateLimitWindow(Duration)} says otherwise). 0, the
     * default, means no limit.
     * <ul>
     * <li>The window opens with the first request after the previous window closed, and the budget is whole again when
     * it closes (a fixed window; the API refills a token bucket continuously, which comes to the same for a client
     * that waits as told; {@link #tokenBucket(double, int)} simulates that one).</li>
     * <li>Every answer to {@code POST /v1/messages} carries {@code anthropic-ratelimit-requests-limit} (the budget),
     * {@code -remaining} (what is left after this request) and {@code -reset} (RFC 3339, millisecond precision: when
     * the window closes; now, when the budget is whole). The token headers keep their plausible values.</li>
     * <li>A request beyond the budget gets 429 {@code rate_limit_error} with {@code retry-after}: the seconds until
     * the window closes, rounded up (no {@code retry-after-ms}, as the API sends none). It takes nothing from the
     * budget.</li>
     * <li>The budget is checked as the request arrives, before auth and validation: requests the API would refuse
     * (400, 401, ...) count too. A scripted fault (other than {@link Fault#delay(Duration)} and
     * {@link Fault#withExtraFields()}) answers instead and takes nothing; a {@link Scenario}'s fault comes after the
     * budget admitted the request, so it counts.</li>
     * <li>Other endpoints (count_tokens, models, batches, which the API limits separately) are not limited.</li>
     * </ul>
     */
    public SimulatorOptions requestsPerMinute(int requests) {
        if (requests < 0) {
            throw new IllegalArgumentException("requestsPerMinute must be >= 0: " + requests);
        }
        this.requestsPerMinute = requests;
        return this;
    }

    /**
     * The window of {@link #requestsPerMinute(int)}: one minute by default; tests use shorter ones (e.g. 5 requests
     * per 500 ms). At least 1 ms.
     */
    public SimulatorOptions rateLimitWindow(Duration window) {
        Objects.requireNonNull(window, "window");
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("rateLimitWindow must be at least 1 ms: " + window);
        }
        this.rateLimitWindow = window;
        return this;
    }

    /**
     * Limits {@code POST /v1/messages} with a token bucket, as the API's rate limiter does: it holds {@code burst}
     * tokens, starts full and refills continuously at {@code requestsPerSecond}. Off by default. A different limiter
     * from {@link #requestsPerMinute(int)} (a fixed window); the two cannot be combined:
     * {@link ClaudeSimulator#start(SimulatorOptions)} refuses options that set both.
     * <ul>
     * <li>Each request admitted takes a token; with less than one left, the request gets 429 {@code rate_limit_error}
     * with {@code retry-after}: the seconds until a token is available, rounded up to whole seconds as the API does (so
     * at least 1, and a client that waits as told finds the token, unless another request took it first; no
     * {@code retry-after-ms}). A refused request takes no token.</li>
     * <li>Every answer to {@code POST /v1/messages} carries {@code anthropic-ratelimit-requests-limit} (the
     * {@code burst}), {@code -remaining} (the tokens left after this request, rounded down) and {@code -reset} (RFC
     * 3339, millisecond precision rounded up: when the bucket is full again; now, when it is full).</li>
     * <li>As with {@link #requestsPerMinute(int)}: the bucket is checked as the request arrives, before auth and
     * validation; a {@link Scenario}'s fault comes after the bucket admitted the request, so a request answered with
     * the scenario's 529 has still taken its token (as on the API, where an overloaded answer does not give the token
     * back); a scripted fault (other than {@link Fault#delay(Duration)} and {@link Fault#withExtraFields()}) answers
     * instead and takes nothing; other endpoints are not limited.</li>
     * <li>{@link ClaudeSimulator#reset()} fills the bucket again.</li>
     * </ul>
     *
     * <pre>
     * // the storm of the benchmarks: 10 requests/s after a burst of 5, and 5 % of the admitted ones overloaded
     * SimulatorOptions.defaults().tokenBucket(10, 5).scenario(Scenario.builder().faultRate(529, 0.05).build());
     * </pre>
     *
     * @param requestsPerSecond the refill rate, &gt; 0 (fractions allowed: 0.5 is one request every 2 s)
     * @param burst the bucket's size, at least 1: how many requests are admitted at once from a full bucket
     */
    public SimulatorOptions tokenBucket(double requestsPerSecond, int burst) {
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("tokenBucket needs a finite requestsPerSecond > 0: " + requestsPerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("tokenBucket needs a burst >= 1: " + burst);
        }
        this.tokenBucketRate = requestsPerSecond;
        this.tokenBucketBurst = burst;
        return this;
    }

    /** Whether {@link #tokenBucket(double, int)} was set. */
    boolean hasTokenBucket() {
        return tokenBucketBurst > 0;
    }

    double tokenBucketRate() {
        return tokenBucketRate;
    }

    int tokenBucketBurst() {
        return tokenBucketBurst;
    }

    int port() {
        return port;
    }

    Scenario scenario() {
        return scenario;
    }

    int requestsPerMinute() {
        return requestsPerMinute;
    }

    Duration rateLimitWindow() {
        return rateLimitWindow;
    }

    String apiKey() {
        return apiKey;
    }

    /** @return the ids given to {@link #models(Collection)}, or null for the catalogue's */
    List<String> models() {
        return models;
    }

    long maxBodyBytes() {
        return maxBodyBytes;
    }

    long maxBatchBodyBytes() {
        return maxBatchBodyBytes;
    }

    long maxFileBytes() {
        return maxFileBytes;
    }

    Duration batchProcessingDelay() {
        return batchProcessingDelay;
    }

    SimulatorOptions copy() {
        SimulatorOptions c = new SimulatorOptions();
        c.port = port;
        c.apiKey = apiKey;
        c.models = models;
        c.maxBodyBytes = maxBodyBytes;
        c.maxBatchBodyBytes = maxBatchBodyBytes;
        c.maxFileBytes = maxFileBytes;
        c.batchProcessingDelay = batchProcessingDelay;
        c.scenario = scenario;
        c.requestsPerMinute = requestsPerMinute;
        c.rateLimitWindow = rateLimitWindow;
        c.tokenBucketRate = tokenBucketRate;
        c.tokenBucketBurst = tokenBucketBurst;
        return c;
    }

    @Override
    public String toString() {
        return "SimulatorOptions[port=" + port + ", apiKey=" + (apiKey == null ? "any" : "set") + ", models=" + (models == null ? "catalogue" : models)
                + ", maxBodyBytes=" + maxBodyBytes + ", maxBatchBodyBytes=" + maxBatchBodyBytes + ", maxFileBytes=" + maxFileBytes
                + ", batchProcessingDelay=" + batchProcessingDelay + ", scenario=" + scenario.name()
                + ", requestsPerMinute=" + requestsPerMinute + ", rateLimitWindow=" + rateLimitWindow
                + (hasTokenBucket() ? ", tokenBucket=" + tokenBucketRate + "/s burst " + tokenBucketBurst : "") + "]";
    }
}
