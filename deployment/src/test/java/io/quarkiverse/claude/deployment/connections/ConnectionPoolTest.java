package io.quarkiverse.claude.deployment.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.ClaudeClientName;
import io.quarkiverse.claude.model.Message;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.Fault;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code connection-pool-size} and {@code keep-alive-enabled}, seen as the connections the simulator accepts. The
 * application-wide {@code quarkus.rest-client.connection-pool-size=1} and {@code keep-alive-enabled=false} are set too,
 * and do not apply to the Claude clients: by default a client's pool is as large as its bulkhead, and it keeps its
 * connections open.
 */
class ConnectionPoolTest {

    static final int CONCURRENT_CALLS = 5;

    static final Map<String, Object> SERVERS = SharedServers.of(ConnectionPoolTest.class, () -> {
        ClaudeSimulator simulator = ClaudeSimulator.start();
        return Map.of("api", simulator.baseUrl(),
                "opened", (LongSupplier) () -> simulator.stats().connectionsOpened(),
                // each of the next calls answers late, so that the concurrent ones are all in flight at once
                "slow", (Runnable) () -> IntStream.range(0, CONCURRENT_CALLS)
                        .forEach(i -> simulator.enqueue(Fault.delay(Duration.ofMillis(400)))),
                "stop", (Runnable) simulator::close);
    });
    static final String API = (String) SERVERS.get("api");

    @RegisterExtension
    static final QuarkusUnitTest app = application();

    static QuarkusUnitTest application() {
        QuarkusUnitTest app = new QuarkusUnitTest()
                .withApplicationRoot(jar -> jar.addClasses(SharedServers.class))
                // no fixed port: other builds on the machine may hold 8081
                .overrideConfigKey("quarkus.http.test-port", "0")
                // the simulator is started by the test; Dev Services would start another, unused
                .overrideConfigKey("quarkus.claude.devservices.enabled", "false")
                .overrideRuntimeConfigKey("quarkus.rest-client.connection-pool-size", "1")
                .overrideRuntimeConfigKey("quarkus.rest-client.keep-alive-enabled", "false");
        client(app, "quarkus.claude.");
        client(app, "quarkus.claude.\"fresh\".");
        client(app, "quarkus.claude.\"pool-of-two\".")
                .overrideRuntimeConfigKey("quarkus.claude.\"pool-of-two\".connection-pool-size", "2");
        client(app, "quarkus.claude.\"no-keep-alive\".")
                .overrideRuntimeConfigKey("quarkus.claude.\"no-keep-alive\".keep-alive-enabled", "false");
        return app;
    }

    @Inject
    ClaudeClient claude;

    @Inject
    @ClaudeClientName("fresh")
    ClaudeClient fresh;

    @Inject
    @ClaudeClientName("pool-of-two")
    ClaudeClient poolOfTwo;

    @Inject
    @ClaudeClientName("no-keep-alive")
    ClaudeClient noKeepAlive;

    @AfterAll
    static void stop() {
        SharedServers.stop(ConnectionPoolTest.class);
    }

    @Test
    void aPoolOfTwoServesFiveConcurrentCallsOverTwoConnections() throws Exception {
        long before = opened();

        concurrentCalls(poolOfTwo);

        assertEquals(2, opened() - before);
    }

    @Test
    void byDefaultEveryConcurrentCallHasAConnection() throws Exception {
        long before = opened();

        concurrentCalls(fresh);

        assertEquals(CONCURRENT_CALLS, opened() - before, "the pool is the bulkhead's 64, not the application-wide 1");
    }

    @Test
    void withoutKeepAliveEveryCallOpensAConnection() {
        long before = opened();

        for (int i = 0; i < 3; i++) {
            assertEquals("Echo: call " + i, noKeepAlive.ask("call " + i));
        }

        assertEquals(3, opened() - before);
    }

    @Test
    void byDefaultCallsReuseTheirConnection() {
        long before = opened();

        for (int i = 0; i < 3; i++) {
            assertEquals("Echo: call " + i, claude.ask("call " + i));
        }

        assertTrue(opened() - before <= 1, "one connection at most, kept alive despite the application-wide setting: "
                + (opened() - before));
    }

    private static void concurrentCalls(ClaudeClient client) throws Exception {
        ((Runnable) SERVERS.get("slow")).run();
        List<CompletableFuture<Message>> calls = IntStream.range(0, CONCURRENT_CALLS)
                .mapToObj(i -> client.messages().createAsync(MessageRequest.of("call " + i))
                        .subscribeAsCompletionStage())
                .toList();
        for (int i = 0; i < CONCURRENT_CALLS; i++) {
            assertEquals("Echo: call " + i, calls.get(i).get(30, TimeUnit.SECONDS).text());
        }
    }

    private static QuarkusUnitTest client(QuarkusUnitTest app, String prefix) {
        return SharedServers.simulatorClient(app, prefix, API);
    }

    private static long opened() {
        return ((LongSupplier) SERVERS.get("opened")).getAsLong();
    }
}
