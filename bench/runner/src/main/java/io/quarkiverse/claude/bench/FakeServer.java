package io.quarkiverse.claude.bench;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerResponse;

/**
 * The fast fixed-answer server of the per-call and streaming benchmarks. It runs in its own JVM (the runner starts it
 * with {@code java -jar quarkus-run.jar fake-server <port>}), so its CPU is not counted against the clients.
 * A {@code POST /v1/messages} gets a fixed Message; with {@code "stream": true}, a canned SSE answer of
 * {@link #DELTAS} text deltas. A stream whose prompt holds {@code drip:<ms>:<deltas>} is answered slowly instead, like
 * a model generating: the opening events, then one {@code content_block_delta} every {@code ms} milliseconds from a
 * Vert.x timer (no thread per stream, so it holds thousands of open streams), then the closing events.
 */
public final class FakeServer {

    static final int DELTAS = Integer.getInteger("bench.stream.deltas", 20_000);

    static final String ANSWER = """
            {"id":"msg_01XFDUDYJgAACzvnptvVoYEL","type":"message","role":"assistant","model":"claude-sonnet-4-6",\
            "content":[{"type":"text","text":"Hello! I'm Claude, an AI assistant. How can I help you today?"}],\
            "stop_reason":"end_turn","stop_sequence":null,\
            "usage":{"input_tokens":12,"output_tokens":18,"cache_creation_input_tokens":0,"cache_read_input_tokens":0}}""";

    private static final Pattern STREAM = Pattern.compile("\"stream\"\\s*:\\s*true");
    private static final Pattern DRIP = Pattern.compile("drip:(\\d+):(\\d+)");

    static Buffer sseBody(int deltas) {
        StringBuilder s = new StringBuilder(deltas * 130 + 1024);
        s.append(opening());
        for (int i = 0; i < deltas; i++) {
            s.append(delta(i));
        }
        s.append(closing(deltas));
        return Buffer.buffer(s.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String opening() {
        StringBuilder s = new StringBuilder();
        s.append("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_01stream\",\"type\":\"message\",")
                .append("\"role\":\"assistant\",\"model\":\"claude-sonnet-4-6\",\"content\":[],\"stop_reason\":null,")
                .append("\"stop_sequence\":null,\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}}\n\n");
        s.append("event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,")
                .append("\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n");
        s.append("event: ping\ndata: {\"type\": \"ping\"}\n\n");
        return s.toString();
    }

    static String delta(int i) {
        return "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                + "\"delta\":{\"type\":\"text_delta\",\"text\":\"word" + (i % 1000) + " \"}}\n\n";
    }

    static String closing(int deltas) {
        StringBuilder s = new StringBuilder();
        s.append("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n");
        s.append("event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",")
                .append("\"stop_sequence\":null},\"usage\":{\"output_tokens\":").append(deltas).append("}}\n\n");
        s.append("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
        return s.toString();
    }

    /** One delta every {@code intervalMs} on the connection's event loop; stops when the client goes away. */
    static void drip(Vertx vertx, HttpServerResponse res, long intervalMs, int deltas) {
        res.setChunked(true).write(opening());
        int[] sent = { 0 };
        long timer = vertx.setPeriodic(intervalMs, id -> {
            if (sent[0] < deltas) {
                res.write(delta(sent[0]++));
            } else {
                vertx.cancelTimer(id);
                res.end(closing(deltas));
            }
        });
        res.closeHandler(closed -> vertx.cancelTimer(timer));
    }

    public static void main(String[] args) throws Exception {
        ClientJvm.dieWithParent();
        int port = Integer.parseInt(args[0]);
        Buffer answer = Buffer.buffer(ANSWER.getBytes(StandardCharsets.UTF_8));
        Buffer sse = sseBody(DELTAS);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        // a backlog for thousands of streams opened at once (the kernel caps it at net.core.somaxconn)
        HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(port).setIdleTimeout(0)
                .setAcceptBacklog(8192);
        for (int i = 0; i < 2; i++) {
            vertx.createHttpServer(options).requestHandler(req -> req.body().onSuccess(body -> {
                var res = req.response().putHeader("request-id", "req_bench0000000000000001");
                String text = body.toString(StandardCharsets.UTF_8);
                if (body.length() > 0 && STREAM.matcher(text).find()) {
                    res.putHeader("content-type", "text/event-stream").putHeader("cache-control", "no-cache");
                    Matcher drip = DRIP.matcher(text);
                    if (drip.find()) {
                        drip(vertx, res, Long.parseLong(drip.group(1)), Integer.parseInt(drip.group(2)));
                    } else {
                        res.end(sse);
                    }
                } else {
                    res.putHeader("content-type", "application/json").end(answer);
                }
            })).listen().onFailure(failed -> {
                // Vert.x's threads would keep the process alive without a server: exit, so that the runner sees it
                System.out.println("fake-server cannot listen on " + port + ": " + failed);
                System.out.flush();
                System.exit(1);
            }).toCompletionStage().toCompletableFuture().get();
        }
        System.out.println("fake-server listening on " + port);
        System.out.flush();
        Thread.currentThread().join();
    }
}
