package io.quarkiverse.claude.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.SimulatorOptions;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import redis.embedded.RedisServer;

/**
 * A real Redis (embedded-redis's redis-server) on a free port of 127.0.0.1, which a test can stop and start again on
 * the same port, and the simulators the replicas call: "plain" for the replicas a, b, c and k, and two token buckets
 * of 10 requests a second (burst 5), one for d, e, f (shared limits) and one for x, y, z (each on its own), and one
 * more of the same for g and h (shared limits, another namespace).
 */
public class RedisTestResource implements QuarkusTestResourceLifecycleManager {

    static volatile int port;
    static volatile RedisServer redis;
    static volatile ClaudeSimulator plain;
    static volatile ClaudeSimulator sharedBucket;
    static volatile ClaudeSimulator localBucket;
    static volatile ClaudeSimulator refillBucket;

    @Override
    public Map<String, String> start() {
        port = freePort();
        startRedis();
        plain = ClaudeSimulator.start(SimulatorOptions.defaults());
        sharedBucket = ClaudeSimulator.start(SimulatorOptions.defaults().tokenBucket(10, 5));
        localBucket = ClaudeSimulator.start(SimulatorOptions.defaults().tokenBucket(10, 5));
        refillBucket = ClaudeSimulator.start(SimulatorOptions.defaults().tokenBucket(10, 5));
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.redis.hosts", "redis://127.0.0.1:" + port);
        // the named Redis client of client n: the same server, database 1
        config.put("quarkus.redis.\"limits\".hosts", "redis://127.0.0.1:" + port + "/1");
        config.put("quarkus.claude.base-url", plain.baseUrl());
        for (String client : new String[] { "a", "b", "c", "k", "p", "n", "w", "r", "o" }) {
            config.put("quarkus.claude.\"" + client + "\".base-url", plain.baseUrl());
        }
        for (String client : new String[] { "d", "e", "f" }) {
            config.put("quarkus.claude.\"" + client + "\".base-url", sharedBucket.baseUrl());
        }
        for (String client : new String[] { "x", "y", "z" }) {
            config.put("quarkus.claude.\"" + client + "\".base-url", localBucket.baseUrl());
        }
        for (String client : new String[] { "g", "h" }) {
            config.put("quarkus.claude.\"" + client + "\".base-url", refillBucket.baseUrl());
        }
        return config;
    }

    /** Starts Redis on {@link #port}, without persistence (a restart starts empty, as after a failover). */
    static synchronized void startRedis() {
        try {
            RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
            redis = server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized void stopRedis() {
        RedisServer server = redis;
        redis = null;
        if (server != null) {
            try {
                server.stop();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void stop() {
        stopRedis();
        for (ClaudeSimulator simulator : new ClaudeSimulator[] { plain, sharedBucket, localBucket, refillBucket }) {
            if (simulator != null) {
                simulator.close();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
