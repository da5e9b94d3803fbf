package io.quarkiverse.claude.deployment.connections;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemKeyCertOptions;

/**
 * A small HTTP server in front of the simulator that records every request it gets and forwards it, whole, to the
 * simulator: as a forward proxy for a request in absolute form ({@code POST http://127.0.0.1:port/v1/messages}, what a
 * client sends to an HTTP proxy), else as the server itself (over HTTPS when given a certificate). A record reads
 * {@code HTTP_1_1 POST http://127.0.0.1:1234/v1/messages proxy-authorization=Basic ...}.
 */
final class Relay implements AutoCloseable {

    // hop-by-hop headers, and those the client sets again for the next hop
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "keep-alive", "proxy-connection",
            "proxy-authorization", "transfer-encoding", "content-length", "upgrade", "te", "http2-settings");

    private final Vertx vertx;
    private final HttpServer server;
    private final String baseUrl;
    private final List<String> seen;

    private Relay(Vertx vertx, HttpServer server, String scheme, List<String> seen) {
        this.vertx = vertx;
        this.server = server;
        this.baseUrl = scheme + "://127.0.0.1:" + server.actualPort();
        this.seen = seen;
    }

    /** A plain HTTP relay: a forward proxy, or a server in front of {@code upstream}. */
    static Relay http(String upstream) {
        return start(upstream, new HttpServerOptions());
    }

    /** An HTTPS server in front of {@code upstream}, with this certificate; HTTP/2 for clients that offer it. */
    static Relay https(String upstream, Path certificate, Path key) {
        return start(upstream, new HttpServerOptions().setSsl(true).setUseAlpn(true)
                .setKeyCertOptions(new PemKeyCertOptions().setCertPath(certificate.toString())
                        .setKeyPath(key.toString())));
    }

    private static Relay start(String upstream, HttpServerOptions options) {
        // as the simulator's: no file cache, so no .vertx directory appears in the working directory
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false)
                        .setClassPathResolvingEnabled(false)));
        HttpClient client = vertx.createHttpClient(new HttpClientOptions());
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer server = vertx.createHttpServer(options.setHost("127.0.0.1").setPort(0))
                .requestHandler(request -> {
                    seen.add(describe(request));
                    forward(client, upstream, request);
                });
        try {
            server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("the relay could not listen", e);
        }
        return new Relay(vertx, server, options.isSsl() ? "https" : "http", seen);
    }

    /** @return the requests received so far, oldest first */
    List<String> seen() {
        return List.copyOf(seen);
    }

    String baseUrl() {
        return baseUrl;
    }

    int port() {
        return server.actualPort();
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
    }

    private static String describe(HttpServerRequest request) {
        String proxyAuthorization = request.getHeader("proxy-authorization");
        return request.version() + " " + request.method() + " " + request.uri()
                + (proxyAuthorization == null ? "" : " proxy-authorization=" + proxyAuthorization);
    }

    private static void forward(HttpClient client, String upstream, HttpServerRequest request) {
        URI target = URI.create(request.uri().startsWith("http") ? request.uri() : upstream + request.uri());
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        request.headers().forEach(header -> {
            if (!NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                headers.add(header.getKey(), header.getValue());
            }
        });
        request.body()
                .compose(body -> client.request(new RequestOptions().setMethod(request.method())
                        .setAbsoluteURI(target.toString()).setHeaders(headers))
                        .compose(outgoing -> outgoing.send(body)))
                .compose(answer -> answer.body().map(body -> {
                    request.response().setStatusCode(answer.statusCode());
                    answer.headers().forEach(header -> {
                        if (!NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                            request.response().headers().add(header.getKey(), header.getValue());
                        }
                    });
                    return body;
                }))
                .onSuccess(body -> request.response().end(body))
                .onFailure(failure -> request.response().setStatusCode(502).end(String.valueOf(failure)));
    }
}
