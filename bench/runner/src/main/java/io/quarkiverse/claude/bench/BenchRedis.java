package io.quarkiverse.claude.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisConnection;

import redis.embedded.RedisServer;

/**
 * A real {@code redis-server} (the linux-amd64 binary that {@code embedded-redis} ships) on a free port of 127.0.0.1,
 * with nothing saved to disk, and the runner's own connections to it: one (Vert.x's Redis client) to empty it and read
 * its command statistics, one in {@code MONITOR} mode to count the commands clients sent. The two counts differ: the
 * statistics also count the commands a Lua script runs inside the server, which are no round trips. The replicas reach
 * it through {@code quarkus.redis.hosts}.
 */
final class BenchRedis implements AutoCloseable {

    /** The commands only the runner sends (its connection's HELLO comes before the first reset). */
    private static final List<String> ADMIN = List.of("info", "config", "flushall");

    private final int port;
    private final RedisServer server;
    private final Vertx vertx = Vertx.vertx();
    private final RedisConnection connection;
    private final RedisAPI api;
    private final Socket monitor;
    private final Map<String, LongAdder> sent = new ConcurrentHashMap<>();

    BenchRedis(int wantedPort) throws Exception {
        port = wantedPort > 0 ? wantedPort : freePort();
        server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"")
                .setting("appendonly no").onShutdownForceStop(true).build();
        server.start(); // returns once the server says it accepts connections
        connection = await(Redis.createClient(vertx, uri()).connect());
        api = RedisAPI.api(connection);
        monitor = new Socket(InetAddress.getLoopbackAddress(), port);
        monitor.getOutputStream().write("MONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
        monitor.getOutputStream().flush();
        BufferedReader lines = new BufferedReader(new InputStreamReader(monitor.getInputStream(),
                StandardCharsets.UTF_8));
        if (!"+OK".equals(lines.readLine())) {
            throw new IllegalStateException("redis-server did not accept MONITOR");
        }
        Thread reader = new Thread(() -> readMonitor(lines), "redis-monitor");
        reader.setDaemon(true);
        reader.start();
    }

    /** One line per command: {@code +1764480000.123456 [0 127.0.0.1:50312] "evalsha" "…"}, {@code [0 lua]} inside a script. */
    private void readMonitor(BufferedReader lines) {
        try {
            String line;
            while ((line = lines.readLine()) != null) {
                int open = line.indexOf('[');
                int close = line.indexOf(']', open);
                int quote = line.indexOf('"', close);
                if (open < 0 || close < 0 || quote < 0) {
                    continue;
                }
                if (line.substring(open + 1, close).endsWith(" lua")) {
                    continue; // run by a script inside the server: no round trip
                }
                String name = line.substring(quote + 1, line.indexOf('"', quote + 1)).toLowerCase(Locale.ROOT);
                sent.computeIfAbsent(name, n -> new LongAdder()).increment();
            }
        } catch (IOException closed) {
            // the runner closed the monitor
        }
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
        Thread.sleep(100); // the monitor's lines of the commands before are in
        sent.clear();
    }

    /**
     * @return the commands clients sent since the last {@link #reset()} (each a round trip), by name, as
     *         {@code MONITOR} shows them (it leaves out administrative commands such as {@code CONFIG} and
     *         {@code CLIENT}), without the runner's own
     */
    Map<String, Long> sentSinceReset() {
        Map<String, Long> counts = new TreeMap<>();
        sent.forEach((name, n) -> {
            if (!ADMIN.contains(name)) {
                counts.put(name, n.sum());
            }
        });
        return counts;
    }

    /**
     * @return the commands the server executed since the last {@link #reset()}, by name ({@code INFO commandstats},
     *         {@code calls=} of each), without the runner's own: those clients sent and those scripts ran
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

    /** @return the connections the server holds, the runner's two left out */
    int otherClients() throws Exception {
        for (String line : await(api.info(List.of("clients"))).toString().split("\r?\n")) {
            if (line.startsWith("connected_clients:")) {
                return Integer.parseInt(line.substring("connected_clients:".length()).trim()) - 2;
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
            monitor.close();
            connection.close();
            vertx.close();
        } finally {
            server.stop();
        }
    }
}
