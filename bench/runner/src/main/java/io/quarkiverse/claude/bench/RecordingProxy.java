package io.quarkiverse.claude.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;

/**
 * A pass-through proxy in front of the simulator that records, per attempt, the call it belongs to (the
 * {@code bench-call-...} id in the prompt), when it arrived, the status it got, the retry-after it was told and when
 * the answer went out. The simulator records arrivals but not what it answered; this is what the resilience section
 * needs to count attempts sent before a retry-after elapsed.
 */
final class RecordingProxy implements AutoCloseable {

    record Attempt(String callId, long arrivedNanos, long answeredNanos, int status, long retryAfterMs) {
    }

    private static final Pattern CALL_ID = Pattern.compile("bench-call-[a-z]+-\\d+");
    private static final Set<String> HOP = Set.of("content-length", "transfer-encoding", "connection", "host",
            "keep-alive");

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();

    private final HttpClient client;

    RecordingProxy(int port, int targetPort) throws Exception {
        client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(64)
                .setDefaultHost("127.0.0.1").setDefaultPort(targetPort));
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
                .requestHandler(this::forward)
                .listen().toCompletionStage().toCompletableFuture().get();
    }

    private void forward(HttpServerRequest req) {
        long arrived = System.nanoTime(); // the first moment the proxy sees the attempt: a later one could hide an early retry
        req.body().onSuccess(body -> {
            Matcher m = CALL_ID.matcher(body.toString());
            String callId = m.find() ? m.group() : "?";
            RequestOptions ro = new RequestOptions().setMethod(req.method()).setURI(req.uri());
            req.headers().forEach(h -> {
                if (!HOP.contains(h.getKey().toLowerCase())) {
                    ro.addHeader(h.getKey(), h.getValue());
                }
            });
            client.request(ro).compose(out -> out.send(body)).compose(resp -> resp.body().map(b -> {
                var res = req.response().setStatusCode(resp.statusCode());
                resp.headers().forEach(h -> {
                    if (!HOP.contains(h.getKey().toLowerCase())) {
                        res.putHeader(h.getKey(), h.getValue());
                    }
                });
                long retryAfterMs = retryAfterMs(resp.getHeader("retry-after-ms"), resp.getHeader("retry-after"));
                long answered = System.nanoTime(); // before the answer is written: the client cannot have it earlier
                res.end(b);
                attempts.add(new Attempt(callId, arrived, answered, resp.statusCode(), retryAfterMs));
                return b;
            })).onFailure(err -> {
                attempts.add(new Attempt(callId, arrived, System.nanoTime(), -1, 0));
                req.connection().close();
            });
        });
    }

    private static long retryAfterMs(String ms, String s) {
        try {
            if (ms != null) {
                return (long) Double.parseDouble(ms);
            }
            if (s != null) {
                return (long) (Double.parseDouble(s) * 1000);
            }
        } catch (NumberFormatException ignored) {
        }
        return 0;
    }

    List<Attempt> attempts() {
        return new ArrayList<>(attempts);
    }

    void clear() {
        attempts.clear();
    }

    @Override
    public void close() {
        vertx.close();
    }
}
