package io.quarkiverse.claude.it;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkiverse.claude.ClaudeCallEvent;
import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.ClaudeClientName;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.Scenario;
import io.quarkiverse.claude.testing.SimulatorStats;

/**
 * The demo's main job: sends a batch of prompts, a few at a time, through the {@code demo} client and adds up what
 * each call went through (from its {@link ClaudeCallEvent}) into a {@link DemoReport}. Against the simulator, the
 * batch runs under a fault scenario ({@code demo.scenario}, {@code flaky} by default) and the report says what the
 * server saw; against the real API, it sends fewer prompts ({@code demo.real-api-calls}) and scripts nothing.
 */
@ApplicationScoped
public class DemoRun {

    /** The client the batch goes through, configured under {@code quarkus.claude."demo".*}. */
    static final String CLIENT = "demo";

    private static final List<String> TOPICS = List.of("retry-after headers", "exponential backoff", "full jitter",
            "circuit breakers", "bulkheads", "idempotent requests", "rate limits", "HTTP 529", "deadlines",
            "Quarkus extensions", "CDI events", "Vert.x event loops");

    /** Where a calling thread keeps the event of its current call: observers run on the caller's thread. */
    private static final ThreadLocal<AtomicReference<ClaudeCallEvent>> CURRENT_CALL = new ThreadLocal<>();

    @Inject
    @ClaudeClientName(CLIENT)
    ClaudeClient claude;

    @ConfigProperty(name = "demo.scenario", defaultValue = "flaky")
    String defaultScenario;

    @ConfigProperty(name = "demo.calls", defaultValue = "24")
    int defaultCalls;

    @ConfigProperty(name = "demo.real-api-calls", defaultValue = "4")
    int realApiCalls;

    @ConfigProperty(name = "demo.concurrency", defaultValue = "4")
    int concurrency;

    private final ReentrantLock oneAtATime = new ReentrantLock();
    private final AtomicReference<DemoReport> last = new AtomicReference<>();

    /** A run is under way already: the simulator has one scenario at a time. */
    public static final class Busy extends IllegalStateException {
        Busy() {
            super("A demo run is under way already; GET /demo/report gives the last one's table");
        }
    }

    void onCall(@Observes ClaudeCallEvent call) {
        AtomicReference<ClaudeCallEvent> slot = CURRENT_CALL.get();
        if (slot != null) {
            slot.set(call);
        }
    }

    /** @return the report of the last run that ended, if any */
    public Optional<DemoReport> last() {
        return Optional.ofNullable(last.get());
    }

    /**
     * Runs a batch and remembers its report.
     *
     * @param scenarioName the simulator's scenario ({@code null} for {@code demo.scenario}); ignored for the real API
     * @param calls how many prompts ({@code null} for the default)
     * @param progress gets a line per completed call
     * @throws IllegalArgumentException for an unknown scenario or a number of calls below 1
     * @throws Busy when a run is under way already
     */
    public DemoReport run(String scenarioName, Integer calls, Consumer<String> progress) {
        ClaudeSimulator simulator = DemoMain.simulator();
        Scenario scenario = simulator == null ? null
                : Scenario.parse(scenarioName == null || scenarioName.isBlank() ? defaultScenario : scenarioName);
        int count = calls != null ? calls : simulator == null ? realApiCalls : defaultCalls;
        if (count < 1) {
            throw new IllegalArgumentException("calls must be at least 1: " + count);
        }
        if (!oneAtATime.tryLock()) {
            throw new Busy();
        }
        try {
            DemoReport report = simulator == null ? batch(count, null, progress)
                    : underScenario(simulator, scenario, count, progress);
            last.set(report);
            return report;
        } finally {
            oneAtATime.unlock();
        }
    }

    private DemoReport underScenario(ClaudeSimulator simulator, Scenario scenario, int count, Consumer<String> progress) {
        Scenario previous = simulator.scenario();
        SimulatorStats before = simulator.stats();
        simulator.scenario(scenario);
        try {
            return batch(count, scenario.toString(), progress).withServer(since(before, simulator.stats()));
        } finally {
            simulator.scenario(previous);
        }
    }

    private DemoReport batch(int count, String scenario, Consumer<String> progress) {
        CallTable table = new CallTable();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger threads = new AtomicInteger();
        int parallel = Math.max(1, Math.min(concurrency, count));
        ExecutorService pool = Executors.newFixedThreadPool(parallel, task -> {
            Thread t = new Thread(task, "demo-call-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        try {
            for (int i = 0; i < count; i++) {
                String prompt = prompt(i);
                pool.execute(() -> {
                    ClaudeCallEvent call = call(prompt);
                    if (call != null) {
                        table.add(call);
                    }
                    synchronized (done) { // the lines in the order of their numbers
                        progress.accept(progressLine(done.incrementAndGet(), count, call));
                    }
                });
            }
            pool.shutdown();
            if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("The demo's calls did not end within 10 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the demo's calls ran", e);
        } finally {
            pool.shutdownNow();
        }
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        return new DemoReport(scenario == null ? "real API" : "simulator", scenario, CLIENT, count, parallel, elapsed,
                table.rows(), table.total(), null);
    }

    /** One call; its failure is in its event, which the observer above hands over on this thread. */
    private ClaudeCallEvent call(String prompt) {
        AtomicReference<ClaudeCallEvent> slot = new AtomicReference<>();
        CURRENT_CALL.set(slot);
        try {
            claude.messages().create(MessageRequest.of(prompt));
        } catch (RuntimeException expected) {
            // typed, and reported by the event
        } finally {
            CURRENT_CALL.remove();
        }
        return slot.get();
    }

    private static String prompt(int i) {
        String topic = TOPICS.get(i % TOPICS.size());
        return i / TOPICS.size() % 2 == 0 ? "In one sentence, what are " + topic + "?"
                : "Give one practical tip about " + topic + ", in one sentence.";
    }

    /** E.g. {@code [ 7/24]  1.03 s  success            2 attempts: rate_limit_error (waited 1.00 s)}. */
    static String progressLine(int n, int count, ClaudeCallEvent call) {
        int width = Integer.toString(count).length();
        String prefix = String.format(Locale.ROOT, "[%" + width + "d/%d]", n, count);
        if (call == null) {
            return prefix + " (no call event)";
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s %6.2f s  %-25s %d attempt%s", prefix,
                call.duration().toMillis() / 1000.0, call.outcome(), call.attempts(), call.attempts() == 1 ? "" : "s"));
        List<ClaudeCallEvent.Attempt> failed = call.failedAttempts();
        if (!failed.isEmpty()) {
            line.append(": ").append(failed.stream().map(DemoRun::describe).collect(Collectors.joining(", ")));
        }
        if (!call.succeeded()) {
            line.append(" -> ").append(call.failure().getClass().getSimpleName());
        }
        return line.toString();
    }

    private static String describe(ClaudeCallEvent.Attempt attempt) {
        Duration wait = attempt.waitAfter();
        return attempt.outcome() + (wait.isZero() ? ""
                : String.format(Locale.ROOT, " (waited %.2f s)", wait.toMillis() / 1000.0));
    }

    private static DemoReport.ServerView since(SimulatorStats before, SimulatorStats after) {
        Map<Integer, Long> byStatus = new TreeMap<>();
        after.byStatus().forEach((status, n) -> {
            long delta = n - before.count(status);
            if (delta > 0) {
                byStatus.put(status, delta);
            }
        });
        return new DemoReport.ServerView(byStatus, after.dropped() - before.dropped(),
                after.total() - before.total());
    }
}
