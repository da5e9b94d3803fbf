package io.quarkiverse.claude.redis;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.ClaudeClientName;
import io.quarkiverse.claude.ClaudeClients;
import io.quarkiverse.claude.errors.CircuitOpenException;
import io.quarkiverse.claude.errors.ClientTimeoutException;
import io.quarkiverse.claude.errors.OverloadedException;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.Fault;
import io.quarkiverse.claude.testing.RecordedRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * Named clients of one application act as replicas: each has its own local state (throttle, circuit breaker), and
 * those with the same {@code shared-limits.key-prefix} share the pause, the rate budget and the circuit through one
 * real Redis. What is asserted is what the simulators saw.
 */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class SharedLimitsTest {

    /** For a client created while a test runs, not when the test is injected. */
    @Inject
    ClaudeClients clients;
    @Inject
    @ClaudeClientName("a")
    ClaudeClient a;
    @Inject
    @ClaudeClientName("b")
    ClaudeClient b;
    @Inject
    @ClaudeClientName("c")
    ClaudeClient c;
    @Inject
    @ClaudeClientName("d")
    ClaudeClient d;
    @Inject
    @ClaudeClientName("e")
    ClaudeClient e;
    @Inject
    @ClaudeClientName("f")
    ClaudeClient f;
    @Inject
    @ClaudeClientName("x")
    ClaudeClient x;
    @Inject
    @ClaudeClientName("y")
    ClaudeClient y;
    @Inject
    @ClaudeClientName("z")
    ClaudeClient z;
    @Inject
    @ClaudeClientName("g")
    ClaudeClient g;
    @Inject
    @ClaudeClientName("h")
    ClaudeClient h;
    @Inject
    @ClaudeClientName("k")
    ClaudeClient k;
    @Inject
    @ClaudeClientName("p")
    ClaudeClient p;
    @Inject
    Redis redis;

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aPauseOneReplicaEarnedHoldsTheOthers() throws Exception {
        ClaudeSimulator simulator = RedisTestResource.plain.reset();
        for (ClaudeClient replica : List.of(a, b, c)) {
            replica.ask("warms up"); // connected to Redis, so that the first pause is not also the first use
        }
        simulator.reset();
        simulator.enqueue(Fault.rateLimited()); // retry-after: 1 s
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> a.ask("earns the 429"), threads);
        Instant limited = awaitRequests(simulator, 1).get(0).time();
        awaitPause(); // the others start once the pause is shared

        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> b.ask("b"), threads);
        CompletableFuture<String> third = CompletableFuture.supplyAsync(() -> c.ask("c"), threads);
        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);
        third.get(10, TimeUnit.SECONDS);

        List<RecordedRequest> requests = simulator.requests("/v1/messages");
        assertEquals(4, requests.size(), "the 429, a's retry, b's and c's calls: " + requests);
        assertTrue(metric("claude_shared_limits_wait_seconds_count", "b", "reason=\"pause\"") >= 1,
                "b's wait for the pause is counted");
        for (RecordedRequest request : requests.subList(1, 4)) {
            Duration after = Duration.between(limited, request.time());
            assertTrue(after.compareTo(Duration.ofMillis(900)) >= 0,
                    "no replica sent before the 429's retry-after (1 s) had passed: " + after + " for "
                            + replica(request));
        }
    }

    @Test
    void aPausePastTheDeadlineFailsTheCallAtOnceWithoutSending() throws Exception {
        ClaudeSimulator simulator = RedisTestResource.plain.reset();
        a.ask("warms up");
        p.ask("warms up");
        simulator.reset();
        simulator.enqueue(Fault.rateLimited().retryAfterSeconds(2));
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> a.ask("earns the 429"), threads);
        awaitRequests(simulator, 1);
        awaitPause();

        long start = System.nanoTime();
        ClientTimeoutException failure = assertThrows(ClientTimeoutException.class, () -> p.ask("deadline 700 ms"));

        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofMillis(500)) < 0,
                "failed at once, without waiting for the pause");
        assertTrue(failure.getMessage().contains("past the call's deadline"), failure.getMessage());
        first.get(10, TimeUnit.SECONDS);
        assertTrue(simulator.requests("/v1/messages").stream().noneMatch(r -> replica(r).equals("p")),
                "p sent nothing");
    }

    @Test
    void aCircuitOneReplicaOpenedRejectsTheOthersAndOneTrialGoes() throws Exception {
        ClaudeSimulator simulator = RedisTestResource.plain.reset();
        simulator.enqueue(Fault.overloaded(), Fault.overloaded());
        assertThrows(OverloadedException.class, () -> a.ask("first 529"));
        assertThrows(OverloadedException.class, () -> a.ask("second 529: a's circuit opens"));
        Thread.sleep(100);

        long start = System.nanoTime();
        assertThrows(CircuitOpenException.class, () -> b.ask("b"));
        assertThrows(CircuitOpenException.class, () -> c.ask("c"));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofMillis(500)) < 0,
                "rejected at once");
        assertEquals(2, simulator.requests("/v1/messages").size(), "b and c sent nothing");

        Thread.sleep(1100); // past the circuit's delay (1 s)
        simulator.enqueue(Fault.delay(Duration.ofMillis(600))); // the trial is slow, so the other asks meanwhile
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Object> fromB = CompletableFuture.supplyAsync(() -> outcome(go, () -> b.ask("b")), threads);
        CompletableFuture<Object> fromC = CompletableFuture.supplyAsync(() -> {
            awaitQuietly(go);
            sleep(150); // b asks first
            return outcome(null, () -> c.ask("c"));
        }, threads);
        go.countDown();
        Object outcomeB = fromB.get(10, TimeUnit.SECONDS);
        Object outcomeC = fromC.get(10, TimeUnit.SECONDS);

        assertTrue(outcomeB instanceof String, "b had the trial, and it succeeded: " + outcomeB);
        assertTrue(outcomeC instanceof CircuitOpenException, "c was rejected during b's trial: " + outcomeC);
        assertEquals(3, simulator.requests("/v1/messages").size(), "only one trial went");

        awaitGone("quarkus-claude:{replicas}:circuit"); // b reports the trial's outcome as it gets its answer
        assertFalse(c.ask("after the trial").isEmpty(), "the trial's success closed the circuit for all");
        assertEquals(4, simulator.requests("/v1/messages").size());
    }

    @Test
    void theSharedBudgetAdmitsNoMoreThanTheLimitAcrossReplicas() throws Exception {
        int sharedLimited = storm(RedisTestResource.sharedBucket.reset(), List.of(d, e, f));
        int localLimited = storm(RedisTestResource.localBucket.reset(), List.of(x, y, z));

        assertTrue(sharedLimited <= 1, "one shared budget: (almost) no 429, " + sharedLimited);
        assertTrue(localLimited > sharedLimited, "each replica on its own earns 429s: " + localLimited);
    }

    @Test
    void theSharedBudgetAdmitsAsTheBucketRefillsNotOnlyOnceItIsFull() throws Exception {
        ClaudeSimulator simulator = RedisTestResource.refillBucket.reset(); // 5 tokens, 10 more a second
        g.ask("learns the limits");
        h.ask("connects");
        Thread.sleep(600); // the bucket is full again
        for (int i = 0; i < 5; i++) {
            g.ask("takes token " + i); // g empties the bucket; its answers' resets move later: it refills continuously
        }

        h.ask("the next token"); // another replica, right after

        assertEquals(8, simulator.stats().count(200), "eight calls, eight tokens");
        assertEquals(0, simulator.stats().count(429), "not one attempt before its token was there");
        long remaining = h.lastRateLimits().requests().remaining();
        // the bucket gets a token back every 100 ms: h went as the first one came, not once all 5 were back (0.5 s)
        assertTrue(remaining <= 2, "h went while the bucket refilled, not once it was full: it left " + remaining);
    }

    @Test
    void anAdmissionWhoseReplyCameTooLateIsNotCountedInFlightForever() throws Exception {
        RedisTestResource.refillBucket.reset();
        g.ask("shares");
        // Redis holds every command for 1.5 s: g's next admission times out (1 s) and its call goes by g's own
        // limits; Redis still runs the script afterwards and counts that attempt in flight
        redis.send(Request.cmd(Command.CLIENT).arg("PAUSE").arg(1500).arg("ALL")).await().atMost(Duration.ofSeconds(5));
        g.ask("while Redis is held");
        sleep(1700); // the pause is over, and g's retry interval (1 s) too

        g.ask("shares again");
        sleep(600); // the attempts ended are reported within 250 ms

        String inFlight = redis.send(Request.cmd(Command.HGET).arg("quarkus-claude:{refill}:budget").arg("inf1"))
                .await().atMost(Duration.ofSeconds(5)).toString();
        assertEquals(0, Double.parseDouble(inFlight), "no attempt of g is in flight, not even the one whose "
                + "admission timed out: the shared budget does not lose it for good");
    }

    /** Each replica learns the limits with one call, then makes 10 calls on 2 threads; @return the 429s earned */
    private int storm(ClaudeSimulator simulator, List<ClaudeClient> replicas) throws Exception {
        for (ClaudeClient replica : replicas) {
            replica.ask("learns the limits");
        }
        Thread.sleep(600); // the bucket is full again
        long before = simulator.stats().count(429);
        List<CompletableFuture<String>> calls = new ArrayList<>();
        for (ClaudeClient replica : replicas) {
            for (int thread = 0; thread < 2; thread++) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    for (int i = 0; i < 5; i++) {
                        replica.ask("storm " + i);
                    }
                    return "done";
                }, threads));
            }
        }
        for (CompletableFuture<String> call : calls) {
            call.get(60, TimeUnit.SECONDS);
        }
        return (int) (simulator.stats().count(429) - before);
    }

    @Test
    void aPauseLongerThanMaxRetryAfterFailsTheReplicasOtherCallsAtOnceUnsentWithItsAnswer() throws Exception {
        ClaudeSimulator simulator = RedisTestResource.plain.reset();
        ClaudeClient o = clients.named("o");
        o.ask("warms up");
        simulator.reset();
        simulator.enqueue(Fault.overloaded().retryAfterSeconds(1)); // over max-retry-after = 300 ms
        OverloadedException first = assertThrows(OverloadedException.class, () -> o.ask("earns the 529"));
        long start = System.nanoTime();

        OverloadedException held = assertThrows(OverloadedException.class, () -> o.ask("held"));

        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(elapsed.compareTo(Duration.ofMillis(500)) < 0, "failed at once, not after the pause: " + elapsed);
        assertEquals(1, simulator.requests("/v1/messages").size(), "the held call was not sent");
        assertEquals(529, held.status());
        assertEquals(first.requestId().orElseThrow(), held.requestId().orElseThrow(), "the 529 that set the pause");
        assertEquals(Duration.ofSeconds(1), held.retryAfter().orElseThrow());
        assertTrue(held.getMessage().contains("The request was not sent: the client is held for ")
                && held.getMessage().contains("by a 529's retry-after of 1 s from an earlier call, longer than "
                        + "quarkus.claude.\"o\".resilience.overloaded.max-retry-after (300 ms)"), held.getMessage());

        sleep(Math.max(0, 1100 - Duration.ofNanos(System.nanoTime() - start).toMillis())); // the pause is over
        assertFalse(o.ask("later").isEmpty());
    }

    @Test
    void aWaitForTheBudgetIsAskedAgainNotSleptWhole() throws Exception {
        RedisTestResource.plain.reset();
        // the budget as the script leaves it for a token limit it knows nothing of yet: empty, refilling so slowly that
        // the next token is hours away, far past any call's deadline (taken whole, the call would fail at once)
        Response time = redis.send(Request.cmd(Command.TIME)).await().atMost(Duration.ofSeconds(5));
        long now = time.get(0).toLong() * 1000 + time.get(1).toLong() / 1000;
        redis.send(Request.cmd(Command.HSET).arg("quarkus-claude:{recheck}:budget").arg("cap2").arg(1_000_000)
                .arg("lvl2").arg(0).arg("at2").arg(now).arg("rate2").arg("0.0001").arg("aft2").arg(1))
                .await().atMost(Duration.ofSeconds(5));
        CompletableFuture<String> call = CompletableFuture.supplyAsync(() -> clients.named("r").ask("waits"), threads);
        sleep(300);
        // newer answers show the tokens back (here: the estimate is gone); the waiting attempt learns it when it asks
        redis.send(Request.cmd(Command.DEL).arg("quarkus-claude:{recheck}:budget")).await().atMost(Duration.ofSeconds(5));

        assertFalse(call.get(10, TimeUnit.SECONDS).isEmpty(), "the call went once the budget allowed it");
        assertEquals(1, RedisTestResource.plain.requests("/v1/messages").stream()
                .filter(r -> replica(r).equals("r")).count(), "one attempt, sent after the wait");
    }

    @Test
    void aNewReplicasFirstAdmissionWaitsForItsConnectionInsteadOfStartingAnOutage() throws Exception {
        RedisTestResource.plain.reset();
        List<LogRecord> logs = new CopyOnWriteArrayList<>();
        Handler handler = capture(logs);
        try {
            // Redis holds every command for 1 s: w, created now, connects and loads its script in that second, longer
            // than its timeout (300 ms); its first admission waits for that, not racing it into an outage
            redis.send(Request.cmd(Command.CLIENT).arg("PAUSE").arg(1000).arg("ALL")).await()
                    .atMost(Duration.ofSeconds(5));
            assertFalse(clients.named("w").ask("the first call of a new replica").isEmpty());

            List<LogRecord> warnings = logs.stream().filter(r -> r.getLevel().intValue() == Level.WARNING.intValue()
                    && r.getLoggerName().equals("io.quarkiverse.claude.shared-limits")).toList();
            assertEquals(List.of(), warnings.stream().map(SharedLimitsTest::formatted).toList(),
                    "no outage at w's start");
            assertTrue(metric("claude_shared_limits_fallbacks_total", "w", "") <= 0, "w never fell back to its own "
                    + "limits: " + metric("claude_shared_limits_fallbacks_total", "w", ""));
        } finally {
            Logger.getLogger("").removeHandler(handler);
        }
    }

    @Test
    void redisDownGivesLocalLimitsAndOneWarningThenSharingResumes() throws Exception {
        ClaudeSimulator simulator = RedisTestResource.plain.reset();
        a.ask("shares");
        List<LogRecord> logs = new CopyOnWriteArrayList<>();
        Handler handler = capture(logs);
        try {
            RedisTestResource.stopRedis();
            for (int i = 0; i < 5; i++) {
                assertFalse(a.ask("Redis is down " + i).isEmpty());
                assertFalse(b.ask("Redis is down " + i).isEmpty());
            }
            List<LogRecord> warnings = logs.stream().filter(r -> r.getLevel().intValue() == Level.WARNING.intValue()
                    && r.getLoggerName().equals("io.quarkiverse.claude.shared-limits")).toList();
            assertEquals(2, warnings.size(), "one WARN per replica for the outage, not one per call: " + warnings);
            String warning = formatted(warnings.get(0));
            assertTrue(warning.contains("shared with the other replicas no more") && warning.contains("calls go on"),
                    warning);
            RestAssured.get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'Claude clients' }.data.'a.shared-limits'",
                            startsWith("local fallback since"));
            assertTrue(metric("claude_shared_limits_fallbacks_total", "a", "") >= 1, "a's fallback is counted");

            RedisTestResource.startRedis();
            Thread.sleep(1200); // the retry interval (1 s here)
            assertFalse(a.ask("Redis is back").isEmpty());
            assertFalse(b.ask("Redis is back").isEmpty());
            assertTrue(logs.stream().anyMatch(r -> r.getLevel().intValue() == Level.INFO.intValue()
                    && formatted(r).contains("shares its limits with the other replicas again")), "an INFO says so");
            RestAssured.get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'Claude clients' }.data.'a.shared-limits'",
                            equalTo("shared (prefix replicas)"));
        } finally {
            Logger.getLogger("").removeHandler(handler);
            if (RedisTestResource.redis == null) {
                RedisTestResource.startRedis();
            }
        }

        // sharing again: a pause one earns holds the other
        int before = simulator.requests("/v1/messages").size();
        simulator.enqueue(Fault.rateLimited());
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> a.ask("earns the 429"), threads);
        Instant limited = awaitRequests(simulator, before + 1).get(before).time();
        awaitPause();
        b.ask("held");
        first.get(10, TimeUnit.SECONDS);
        List<RecordedRequest> requests = simulator.requests("/v1/messages");
        RecordedRequest fromB = requests.stream().skip(before).filter(r -> replica(r).equals("b")).findFirst()
                .orElseThrow();
        assertTrue(Duration.between(limited, fromB.time()).compareTo(Duration.ofMillis(900)) >= 0,
                "b waited for the pause a earned: " + Duration.between(limited, fromB.time()));
    }

    @Test
    void theRedisKeysRevealNoApiKey() {
        k.ask("a namespace derived from the key");
        a.ask("a namespace of its own");
        Response keys = redis.send(Request.cmd(Command.KEYS).arg("*")).await().atMost(Duration.ofSeconds(5));
        List<String> names = new ArrayList<>();
        keys.forEach(key -> names.add(key.toString()));
        assertTrue(names.stream().anyMatch(n -> n.startsWith("quarkus-claude:{k:")), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.startsWith("quarkus-claude:{replicas}:")), names.toString());
        for (String apiKey : List.of("sk-ant-api03-namespace-from-the-key-Hk38sPq1Zt6n",
                "sk-ant-api03-replica-a-Q7xW9mZ2pL4va")) {
            String secret = apiKey.substring(apiKey.length() - 12);
            for (String name : names) {
                assertFalse(name.contains(apiKey), name);
                for (int i = 0; i + 4 <= secret.length(); i++) {
                    String part = secret.substring(i, i + 4);
                    assertFalse(name.contains(part), name + " contains " + part + " of an API key");
                }
            }
        }
    }

    /** @return the value of a Prometheus sample of the client's with the label, or -1 when there is none */
    private static double metric(String name, String client, String label) {
        String text = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        return text.lines().filter(line -> line.startsWith(name + "{") && line.contains("claude_client=\"" + client + "\"")
                && line.contains(label)).mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(-1);
    }

    /** Waits until the pause of the replicas a, b and c is in Redis. */
    private void awaitPause() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (!exists("quarkus-claude:{replicas}:pause")) {
            assertTrue(System.nanoTime() < deadline, "the pause reached Redis within 1 s of the 429");
            Thread.sleep(5);
        }
    }

    private void awaitGone(String key) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (exists(key)) {
            assertTrue(System.nanoTime() < deadline, key + " is gone from Redis within 2 s");
            Thread.sleep(5);
        }
    }

    private boolean exists(String key) {
        return redis.send(Request.cmd(Command.EXISTS).arg(key)).await().atMost(Duration.ofSeconds(5)).toInteger() == 1;
    }

    private static List<RecordedRequest> awaitRequests(ClaudeSimulator simulator, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (simulator.requests("/v1/messages").size() < count) {
            assertTrue(System.nanoTime() < deadline, "the simulator saw fewer than " + count + " requests");
            Thread.sleep(10);
        }
        return simulator.requests("/v1/messages");
    }

    private static String replica(RecordedRequest request) {
        String key = request.header("x-api-key");
        return key == null ? "?" : key.replaceAll("^sk-ant-api03-replica-(.)-.*$", "$1");
    }

    private static Object outcome(CountDownLatch go, java.util.function.Supplier<String> call) {
        if (go != null) {
            awaitQuietly(go);
        }
        try {
            return call.get();
        } catch (RuntimeException failure) {
            return failure;
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Handler capture(List<LogRecord> into) {
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                into.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(handler);
        return handler;
    }

    private static String formatted(LogRecord record) {
        return record instanceof org.jboss.logmanager.ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
    }
}
