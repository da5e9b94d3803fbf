package io.quarkiverse.claude.deployment.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.ClaudeClientName;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Blocking calls made one after another from threads without a Vert.x context (as an executor replaces its threads, or
 * a scheduler's thread and the main thread take turns), across garbage collections, all run their requests on one
 * event loop, the one of the connection they share. Vert.x would give each such thread a context of its own, on the
 * next event loop, and its HTTP/1 pool hands a request a free connection whatever its event loop: the request would
 * then cross between two event loops at every step of its exchange (bench README, issue 19 part 4). A blocking call
 * from a thread that has a Vert.x context keeps that context's event loop.
 */
class PlainThreadEventLoopTest {

    static final Map<String, Object> SERVERS = SharedServers.of(PlainThreadEventLoopTest.class, () -> {
        ClaudeSimulator simulator = ClaudeSimulator.start();
        return Map.of("api", simulator.baseUrl(),
                "opened", (LongSupplier) () -> simulator.stats().connectionsOpened(),
                "stop", (Runnable) simulator::close);
    });
    static final String API = (String) SERVERS.get("api");

    @RegisterExtension
    static final QuarkusUnitTest app = client(client(new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(SharedServers.class, AnswerLoops.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.claude.devservices.enabled", "false")
            // four event loops on any machine, so that a context per thread would land on another one
            .overrideConfigKey("quarkus.vertx.event-loops-pool-size", "4"), "quarkus.claude."),
            "quarkus.claude.\"worker\".");

    @Inject
    ClaudeClient claude;

    @Inject
    @ClaudeClientName("worker")
    ClaudeClient worker;

    @Inject
    Vertx vertx;

    @AfterAll
    static void stop() {
        SharedServers.stop(PlainThreadEventLoopTest.class);
    }

    @BeforeEach
    void forget() {
        AnswerLoops.SEEN.clear();
    }

    @Test
    void callsFromPlainThreadsStayOnTheEventLoopOfTheirConnection() throws Exception {
        long before = opened();
        for (int i = 0; i < 4; i++) {
            String prompt = "call " + i;
            assertEquals("Echo: " + prompt, onNewThread(() -> claude.ask(prompt)));
            collectGarbage();
        }

        List<AnswerLoops.Seen> seen = List.copyOf(AnswerLoops.SEEN);
        assertEquals(4, seen.size(), seen::toString);
        assertTrue(seen.stream().allMatch(AnswerLoops.Seen::onConnectionLoop),
                () -> "every request on its connection's event loop: " + seen);
        Set<String> loops = seen.stream().map(AnswerLoops.Seen::requestLoop).collect(Collectors.toSet());
        assertEquals(1, loops.size(), () -> "one event loop for all: " + seen);
        assertEquals(1, opened() - before, "the calls, one after another, share one connection");
    }

    @Test
    void aBlockingCallFromAVertxWorkerKeepsItsContextsEventLoop() throws Exception {
        Context context = vertx.getOrCreateContext();
        CompletableFuture<String> contextLoop = new CompletableFuture<>();
        context.runOnContext(ignored -> contextLoop.complete(Thread.currentThread().getName()));

        String answer = context.executeBlocking(() -> worker.ask("from a worker"), false)
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertEquals("Echo: from a worker", answer);
        assertEquals(List.of(contextLoop.get(10, TimeUnit.SECONDS)),
                AnswerLoops.SEEN.stream().map(AnswerLoops.Seen::requestLoop).toList());
    }

    /** Runs {@code call} on a thread of its own, which has no Vert.x context. */
    private static String onNewThread(Callable<String> call) throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            return thread.submit(call).get(30, TimeUnit.SECONDS);
        } finally {
            thread.shutdownNow();
        }
    }

    /** Vert.x holds the context it makes for a thread weakly: a collection may drop it. */
    private static void collectGarbage() {
        List<byte[]> churn = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            churn.add(new byte[1 << 20]);
            System.gc();
        }
    }

    private static QuarkusUnitTest client(QuarkusUnitTest app, String prefix) {
        return SharedServers.simulatorClient(app, prefix, API);
    }

    private static long opened() {
        return ((LongSupplier) SERVERS.get("opened")).getAsLong();
    }
}
