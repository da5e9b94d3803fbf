package io.quarkiverse.claude.testing;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

/**
 * A Claude-compatible HTTP server for tests and local development: answers {@code POST /v1/messages} (also streamed),
 * {@code POST /v1/messages/count_tokens}, {@code GET /v1/models}, {@code GET /v1/models/{id}} and the Message Batches
 * API ({@code /v1/messages/batches}) in the API's wire format, deterministically ({@code "Echo: "} + the last user
 * message), with the API's checks and errors.
 * <ul>
 * <li><b>Tool use</b>: {@link Fault#toolUse(String, String)} makes the next answer a tool call; when the last user
 * message then holds only {@code tool_result} blocks, the answer echoes their text ({@code "Echo: <tool result>"}).</li>
 * <li><b>Extended thinking</b>: with {@code "thinking": {"type": "enabled", "budget_tokens": N}} (1024 &lt;= N &lt;
 * {@code max_tokens}) or {@code {"type": "adaptive"}}, the answer starts with a {@code thinking} block
 * {@code "Thinking about: <last user text>"} signed {@code sig_sim_<hash>}; thinking blocks sent back must keep their
 * signature (a changed simulator-signed block is refused, as the API refuses it).</li>
 * <li><b>Prompt caching</b>: blocks with {@code cache_control} (at most 4) are cache breakpoints; the first request
 * with a given prefix reports {@code cache_creation_input_tokens}, the same prefix within its TTL (5 minutes, or 1 hour
 * with {@code "ttl": "1h"}) reports {@code cache_read_input_tokens}. {@link #reset()} empties the cache.</li>
 * <li><b>Message Batches</b>, in memory: a batch ends {@link SimulatorOptions#batchProcessingDelay(Duration)} after it
 * was created (200 ms by default), each request answered as {@code POST /v1/messages} would answer it
 * ({@code succeeded}, or {@code errored} with the error the request would get). To force the other outcomes: requests
 * whose {@code custom_id} starts with {@code expire-} end as {@code expired}, and cancelling a batch in progress ends
 * it with every request {@code canceled}.</li>
 * <li><b>Server tools and citations</b>: a request with a web search, web fetch or code execution tool gets an answer in
 * which that tool ran ({@code server_tool_use}, its result block, and the echo, citing the search result); a web
 * fetch runs when the last user text holds a URL ({@code .invalid} hosts give {@code url_not_accessible}). A document
 * with citations enabled gets the echo citing it. The details are on the Tool use page of the docs.</li>
 * </ul>
 * Token counts are estimates: one token per four characters of the prompt's text, one per word of the answer.
 * <p>
 * Tests script failures with {@link #enqueue(Fault...)} and {@link #always(Fault)}, and check what a client sent with
 * {@link #requests()}. To rehearse a bad day without a script, give it a {@link Scenario} (random faults and latency),
 * a request budget ({@link SimulatorOptions#requestsPerMinute(int)}) or a token bucket
 * ({@link SimulatorOptions#tokenBucket(double, int)}), and look at what it did with {@link #stats()}.
 * It runs on its own Vert.x instance (not Quarkus'), listens on 127.0.0.1 only, and is safe to
 * script from any thread while it serves.
 *
 * <pre>
 * try (ClaudeSimulator sim = ClaudeSimulator.start()) {
 *     sim.enqueue(Fault.overloaded());
 *     // point the client at sim.baseUrl() with key ClaudeSimulator.DEFAULT_API_KEY ...
 *     assertEquals("/v1/messages", sim.lastRequest().path());
 * }
 * </pre>
 */
public final class ClaudeSimulator implements AutoCloseable {

    /** A key of the real key's shape; the simulator accepts it (and by default any other non-blank key). */
    public static final String DEFAULT_API_KEY = "sk-ant-api03-simulator-key";

    private static final long TIMEOUT_SECONDS = 30;

    private final Vertx vertx;
    private final HttpServer server;
    private final FaultScript script;
    private final RequestLog log;
    private final PromptCache cache;
    private final BatchesEndpoint batches;
    private final FilesEndpoint files;
    private final ScenarioEngine scenario;
    private final RequestBudget budget;
    private final TokenBucket bucket;
    private final StatsCounter stats;
    private final SimulatorOptions options;
    private boolean closed;

    private ClaudeSimulator(Vertx vertx, HttpServer server, FaultScript script, RequestLog log, PromptCache cache,
            BatchesEndpoint batches, FilesEndpoint files, ScenarioEngine scenario, RequestBudget budget, TokenBucket bucket,
            StatsCounter stats, SimulatorOptions options) {
        this.files = files;
        this.scenario = scenario;
        this.budget = budget;
        this.bucket = bucket;
        this.stats = stats;
        this.options = options;
        this.vertx = vertx;
        this.server = server;
        this.script = script;
        this.log = log;
        this.cache = cache;
        this.batches = batches;
    }

    /** Starts a simulator on 127.0.0.1, on a random free port, accepting any non-blank key. */
    public static ClaudeSimulator start() {
        return start(SimulatorOptions.defaults());
    }

    /**
     * Starts a simulator with the given options, and returns once it listens.
     *
     * @throws IllegalStateException if it cannot listen (e.g. the port is taken)
     * @throws IllegalArgumentException if the options set both {@link SimulatorOptions#requestsPerMinute(int)} and
     *         {@link SimulatorOptions#tokenBucket(double, int)}
     */
    public static ClaudeSimulator start(SimulatorOptions options) {
        SimulatorOptions o = Objects.requireNonNull(options, "options").copy();
        if (o.hasTokenBucket() && o.requestsPerMinute() > 0) {
            throw new IllegalArgumentException("Either requestsPerMinute or tokenBucket, not both: " + o);
        }
        // One event loop is plenty; no file cache, so no .vertx directory appears in the working directory.
        Vertx vertx = Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(1)
                .setWorkerPoolSize(1)
                .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false)
                        .setClassPathResolvingEnabled(false)));
        FaultScript script = new FaultScript();
        RequestLog log = new RequestLog();
        Ids ids = new Ids();
        ModelCatalog catalog = o.models() == null ? ModelCatalog.shipped() : ModelCatalog.of(o.models());
        Answers answers = new Answers(ids);
        Clock clock = Clock.systemUTC();
        PromptCache cache = new PromptCache(clock);
        FilesEndpoint files = new FilesEndpoint(clock, o.maxFileBytes());
        MessagesEndpoint messages = new MessagesEndpoint(new MessageValidation(catalog), answers, cache,
                new ServerToolAnswers(ids), files);
        BatchesEndpoint batches = new BatchesEndpoint(vertx, messages, clock, o.batchProcessingDelay());
        ApiDispatcher api = new ApiDispatcher(o.apiKey(), messages, new ModelsEndpoint(catalog), batches, files);
        ScenarioEngine scenario = new ScenarioEngine(o.scenario());
        RequestBudget budget = new RequestBudget(clock, o.rateLimitWindow(), o.requestsPerMinute());
        TokenBucket bucket = o.hasTokenBucket() ? new TokenBucket(clock, o.tokenBucketRate(), o.tokenBucketBurst()) : null;
        StatsCounter stats = new StatsCounter();
        SimulatorHandler handler = new SimulatorHandler(vertx, o.maxBodyBytes(), o.maxBatchBodyBytes(), script, log,
                ids, clock, new FaultResponder(answers), api, scenario, bucket != null ? bucket : budget, stats, files);
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(o.port()))
                .requestHandler(handler)
                .connectionHandler(connection -> {
                    stats.connectionOpened();
                    connection.closeHandler(ignored -> stats.connectionClosed());
                })
                .exceptionHandler(ignored -> {
                    // connections reset by clients (or by Fault.dropConnection) are business as usual here
                });
        try {
            await(server.listen());
        } catch (RuntimeException e) {
            await(vertx.close());
            files.close();
            throw new IllegalStateException("The Claude simulator could not listen on 127.0.0.1:" + o.port(), e);
        }
        return new ClaudeSimulator(vertx, server, script, log, cache, batches, files, scenario, budget, bucket, stats,
                o);
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash: the base URL to give a client. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.actualPort();
    }

    /**
     * Answers the next {@code faults.length} API requests ({@code /v1/*}, any endpoint, in arrival order) with these
     * faults, one each; afterwards requests get normal answers again (or the {@link #always(Fault)} fault).
     */
    public ClaudeSimulator enqueue(Fault... faults) {
        script.enqueue(Arrays.asList(faults));
        return this;
    }

    /** Answers every API request with this fault until {@link #reset()}; {@link #enqueue(Fault...)}d faults go first. */
    public ClaudeSimulator always(Fault fault) {
        script.always(fault);
        return this;
    }

    /**
     * Switches to this {@link Scenario} from the next request on (requests already being answered keep what they
     * drew); its random draws start over from its seed. Safe from any thread. {@link #reset()} comes back to the
     * scenario of {@link SimulatorOptions#scenario(Scenario)}. Scripted faults still take precedence.
     */
    public ClaudeSimulator scenario(Scenario scenario) {
        this.scenario.set(scenario);
        return this;
    }

    /** The scenario in force. */
    public Scenario scenario() {
        return scenario.get();
    }

    /**
     * Changes the request budget of {@code POST /v1/messages} (see {@link SimulatorOptions#requestsPerMinute(int)}),
     * 0 for none, from the next request on; the requests admitted in the current window still count, and the window
     * keeps its length ({@link SimulatorOptions#rateLimitWindow(Duration)}). {@link #reset()} restores the budget
     * given at start.
     *
     * @throws IllegalStateException if the simulator was started with {@link SimulatorOptions#tokenBucket(double, int)}
     */
    public ClaudeSimulator requestsPerMinute(int requests) {
        if (requests < 0) {
            throw new IllegalArgumentException("requestsPerMinute must be >= 0: " + requests);
        }
        if (bucket != null) {
            throw new IllegalStateException("This simulator limits requests with a token bucket, not a budget per minute");
        }
        budget.limit(requests);
        return this;
    }

    /**
     * What the simulator answered since it started or since the last {@link #reset()}, per HTTP status, and its
     * connections (see {@link SimulatorStats}).
     */
    public SimulatorStats stats() {
        return stats.snapshot();
    }

    /** Every request received so far, in arrival order, including rejected ones and ones answered by faults. */
    public List<RecordedRequest> requests() {
        return log.all();
    }

    /** The requests received so far whose path equals {@code path}, e.g. {@code "/v1/messages"}. */
    public List<RecordedRequest> requests(String path) {
        return log.withPath(path);
    }

    /**
     * The last request received.
     *
     * @throws IllegalStateException if there was none
     */
    public RecordedRequest lastRequest() {
        return log.last();
    }

    /**
     * The ids of the Message Batches created and not deleted, newest first (the order of
     * {@code GET /v1/messages/batches}).
     */
    public List<String> batchIds() {
        return batches.ids();
    }

    /**
     * Forgets the queued faults, the always-fault, the recorded requests, the Message Batches (in progress or not), the
     * prompt cache and the {@link #stats()} (but {@link SimulatorStats#openConnections()}, which is not a total); and goes back to the start's {@link Scenario} (its draws starting over
     * from its seed) and request budget (a whole one, with the start's limit) or token bucket (a full one), e.g.
     * between tests.
     */
    public ClaudeSimulator reset() {
        script.reset();
        scenario.set(options.scenario());
        budget.reset(options.requestsPerMinute());
        if (bucket != null) {
            bucket.reset();
        }
        stats.clear();
        log.clear();
        batches.clear();
        files.clear();
        cache.clear();
        return this;
    }

    /**
     * Stores a file that {@code GET /v1/files/{id}/content} serves, as the code execution tool's outputs are (files
     * uploaded with {@code POST /v1/files} are not downloadable, as on the API).
     *
     * @return its id
     */
    public String putDownloadableFile(String filename, String mimeType, byte[] content) {
        return files.putDownloadable(filename, mimeType, content).id();
    }

    /** @return the content of the stored file with this id (uploaded or put), or {@code null} when there is none */
    public byte[] fileContent(String fileId) {
        return files.contentOf(fileId);
    }

    /** @return the ids of the stored files, oldest first */
    public List<String> fileIds() {
        return files.ids();
    }

    /** Stops listening and releases the simulator's Vert.x threads. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            await(server.close());
        } finally {
            try {
                await(vertx.close());
            } finally {
                files.close();
            }
        }
    }

    @Override
    public String toString() {
        return "ClaudeSimulator[" + baseUrl() + "]";
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Claude simulator", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The Claude simulator did not answer within " + TIMEOUT_SECONDS + " s", e);
        }
    }
}
