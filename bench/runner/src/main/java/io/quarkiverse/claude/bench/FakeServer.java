package io.quarkiverse.claude.bench;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;

/**
 * The fast fixed-answer server of the per-call and streaming benchmarks. It runs in its own JVM (the runner starts it
 * with {@code java -jar quarkus-run.jar fake-server <port>}), so its CPU is not counted against the clients.
 * A {@code POST /v1/messages} gets a fixed Message; with {@code "stream": true}, a canned SSE answer of
 * {@link #DELTAS} text deltas.
 */
public final class FakeServer {

    static final int DELTAS = Integer.getInteger("bench.stream.deltas", 20_000);

    static final String ANSWER = """
            {"id":"msg_01XFDUDYJgAACzvnptvVoYEL","type":"message","role":"assistant","model":"claude-sonnet-4-6",\
            "content":[{"type":"text","text":"Hello! I'm Claude, an AI assistant. How can I help you today?"}],\
            "stop_reason":"end_turn","stop_sequence":null,\
            "usage":{"input_tokens":12,"output_tokens":18,"cache_creation_input_tokens":0,"cache_read_input_tokens":0}}""";

    private static final Pattern STREAM = Pattern.compile("\"stream\"\\s*:\\s*true");

    static Buffer sseBody(int deltas) {
        StringBuilder s = new StringBuilder(deltas * 130 + 1024);
        s.append("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_01stream\",\"type\":\"message\",")
                .append("\"role\":\"assistant\",\"model\":\"claude-sonnet-4-6\",\"content\":[],\"stop_reason\":null,")
                .append("\"stop_sequence\":null,\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}}\n\n");
        s.append("event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,")
                .append("\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n");
        s.append("event: ping\ndata: {\"type\": \"ping\"}\n\n");
        for (int i = 0; i < deltas; i++) {
            s.append("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,")
                    .append("\"delta\":{\"type\":\"text_delta\",\"text\":\"word").append(i % 1000).append(" \"}}\n\n");
        }
        s.append("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n");
        s.append("event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",")
                .append("\"stop_sequence\":null},\"usage\":{\"output_tokens\":").append(deltas).append("}}\n\n");
        s.append("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
        return Buffer.buffer(s.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Buffer answer = Buffer.buffer(ANSWER.getBytes(StandardCharsets.UTF_8));
        Buffer sse = sseBody(DELTAS);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(port).setIdleTimeout(0);
        for (int i = 0; i < 2; i++) {
            vertx.createHttpServer(options).requestHandler(req -> req.body().onSuccess(body -> {
                var res = req.response().putHeader("request-id", "req_bench0000000000000001");
                if (body.length() > 0 && STREAM.matcher(body.toString(StandardCharsets.UTF_8)).find()) {
                    res.putHeader("content-type", "text/event-stream").putHeader("cache-control", "no-cache").end(sse);
                } else {
                    res.putHeader("content-type", "application/json").end(answer);
                }
            })).listen().toCompletionStage().toCompletableFuture().get();
        }
        System.out.println("fake-server listening on " + port);
        System.out.flush();
        Thread.currentThread().join();
    }
}
