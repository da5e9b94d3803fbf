package io.quarkiverse.claude.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisConnection;

import redis.embedded.RedisServer;

/**
 * A real {@code redis-server} (the linux-amd64 binary that {@code embedded-redis} ships) on a free port of 127.0.0.1,
 * with nothing saved to disk, and the runner's own connection to it (Vert.x's Redis client) to empty it and to read how
 * many commands it served. The replicas reach it through {@code quarkus.redis.hosts}.
 */
final class BenchRedis implements AutoCloseable {

    /** The commands only the runner sends (its connection's HELLO comes before the first reset). */
    private static final List<String> ADMIN = List.of("info", "config", "flushall");

    private final int port;
    private final RedisServer server;
    private final Vertx vertx = Vertx.vertx();
    private final RedisConnection connection;
    private final RedisAPI api;

    BenchRedis(int wantedPort) throws Exception {
        port = wantedPort > 0 ? wantedPort : freePort();
        server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"")
                .setting("appendonly no").onShutdownForceStop(true).build();
        server.start(); // returns once the server says it accepts connections
        connection = await(Redis.createClient(vertx, uri()).connect());
        api = RedisAPI.api(connection);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    /** Empties every database and zeroes the command statistics: the state of a fresh server, scripts aside. */
    void reset() throws Exception {
        await(api.flushall(List.of()));
        await(api.config(List.of("RESETSTAT")));
    }

    /**
     * @return the commands the server executed since the last {@link #reset()}, by name ({@code INFO commandstats},
     *         {@code calls=} of each), without the runner's own
     */
    Map<String, Long> commandsSinceReset() throws Exception {
        String info = await(api.info(List.of("commandstats"))).toString();
        Map<String, Long> calls = new TreeMap<>();
        for (String line : info.split("\r?\n")) {
            // cmdstat_evalsha:calls=201,usec=4321,usec_per_call=21.50,rejected_calls=0,failed_calls=0
            if (!line.startsWith("cmdstat_")) {
                continue;
            }
            String name = line.substring("cmdstat_".length(), line.indexOf(':'));
            if (ADMIN.contains(name.split("\\|")[0])) {
                continue;
            }
            for (String field : line.substring(line.indexOf(':') + 1).split(",")) {
                if (field.startsWith("calls=")) {
                    calls.put(name, Long.parseLong(field.substring("calls=".length())));
                }
            }
        }
        return calls;
    }

    /** @return the connections the server holds, the runner's own left out */
    int otherClients() throws Exception {
        for (String line : await(api.info(List.of("clients"))).toString().split("\r?\n")) {
            if (line.startsWith("connected_clients:")) {
                return Integer.parseInt(line.substring("connected_clients:".length()).trim()) - 1;
            }
        }
        return -1;
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException {
        try {
            connection.close();
            vertx.close();
        } finally {
            server.stop();
        }
    }
}
