package io.quarkiverse.claude.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.ClaudeClientName;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.model.stream.ContentBlockDeltaEvent;
import io.quarkiverse.claude.runtime.rest.ClaudeRestApi;
import io.quarkus.runtime.QuarkusApplication;

/**
 * The child JVM of {@link ClientJvm}: one client, one measurement, figures on one line.
 * <ul>
 * <li>{@code calls <client> <in-flight levels, e.g. 1,32> <rounds> <seconds>}: for each level in turn, a closed loop
 * ({@link CallLoad}) warmed up until the JIT settles ({@link JitSettle}), then {@code rounds} measured batches of about
 * {@code seconds} each;</li>
 * <li>{@code streams <client> <streams> <interval-ms> <deltas>}: {@link StreamLoad} after a warm-up of fast streams.</li>
 * </ul>
 * Clients: {@code raw}, {@code sdk} (defaults), {@code sdk-pool} (its pool keeping as many idle connections as there
 * are calls in flight), {@code rest} (the extension's REST Client interface alone), {@code qc} / {@code qc-uni} (the
 * default client, blocking / {@code Uni}), {@code qc-scale} / {@code qc-scale-uni} (the {@code scale} client, its
 * bulkhead and pool raised).
 */
public class ClientChild implements QuarkusApplication {

    @Inject
    ClaudeClient claude;

    @Inject
    @ClaudeClientName("scale")
    ClaudeClient scale;

    @Inject
    @RestClient
    ClaudeRestApi restApi;

    private final String base = "http://127.0.0.1:" + BenchApp.FAKE_PORT;

    @Override
    public int run(String... args) throws Exception {
        ClientJvm.dieWithParent();
        Map<String, Object> figures = switch (args[0]) {
            case "calls" -> calls(args[1], ScaleCalls.parseLevels(args[2]), Integer.parseInt(args[3]),
                    Double.parseDouble(args[4]));
            case "streams" -> streams(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException("unknown measurement " + args[0]);
        };
        ClientJvm.printResult(figures);
        return 0;
    }

    /** Each level in turn, each warmed up until the JIT settles: @return the figures by level */
    private Map<String, Object> calls(String client, List<Integer> levels, int rounds, double seconds)
            throws Exception {
        Map<String, Object> byLevel = new LinkedHashMap<>();
        for (int inFlight : levels) {
            byLevel.put(Integer.toString(inFlight), calls(client, inFlight, rounds, seconds));
        }
        return byLevel;
    }

    private Map<String, Object> calls(String client, int inFlight, int rounds, double seconds) throws Exception {
        try (CallLoad load = callLoad(client, inFlight)) {
            JitSettle.Warmup warmup = JitSettle.warmUp(load::runFor);
            double rate = load.runFor(1.0);
            int perRound = (int) Math.max(inFlight * 4L, Math.round(rate * seconds));
            long jit0 = JitSettle.compilationMs();
            Meter.Sample total = null;
            List<long[]> latencies = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                CallLoad.Batch b = load.measure(perRound);
                total = total == null ? b.sample() : total.plus(b.sample());
                latencies.add(b.latencies());
            }
            long jitMs = JitSettle.compilationMs() - jit0;
            long calls = (long) perRound * rounds;
            long[] sorted = CallLoad.sortedConcat(latencies);
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("calls", calls);
            f.put("cpuUsPerCall", total.cpuNanos() / 1e3 / calls);
            f.put("cpuNoJitUsPerCall", total.cpuWithoutJitNanos() / 1e3 / calls);
            f.put("kbPerCall", total.allocatedBytes() / 1024.0 / calls);
            f.put("p50Us", CallLoad.percentileUs(sorted, 0.50));
            f.put("p99Us", CallLoad.percentileUs(sorted, 0.99));
            f.put("callsPerS", calls / (total.wallNanos() / 1e9));
            putWarmup(f, warmup, jitMs);
            return f;
        }
    }

    private static void putWarmup(Map<String, Object> f, JitSettle.Warmup warmup, long jitMsDuringMeasurement) {
        f.put("warmupS", warmup.seconds());
        f.put("warmupSettled", warmup.settled());
        f.put("jitMsDuringMeasurement", jitMsDuringMeasurement);
    }

    private CallLoad callLoad(String client, int inFlight) {
        MessageRequest hello = MessageRequest.builder().model(BenchApp.MODEL).maxTokens(256).addUserMessage("Hello")
                .build();
        return switch (client) {
            case "raw" -> CallLoad.blocking(new RawJdkClient(base), inFlight);
            case "sdk", "sdk-pool" -> {
                AnthropicClient sdk = sdk(client.equals("sdk") ? 0 : inFlight);
                MessageCreateParams params = MessageCreateParams.builder().model(BenchApp.MODEL).maxTokens(256)
                        .addUserMessage("Hello").build();
                yield CallLoad.blocking(() -> sdk.messages().create(params).content(), inFlight);
            }
            case "rest" -> CallLoad.blocking(() -> restApi.createMessage(hello).text(), inFlight);
            case "qc" -> CallLoad.blocking(() -> claude.messages().create(MessageRequest.of("Hello")).text(), inFlight);
            case "qc-uni" -> CallLoad.async(() -> claude.messages().createAsync(MessageRequest.of("Hello")), inFlight);
            case "qc-scale" -> CallLoad.blocking(() -> scale.messages().create(MessageRequest.of("Hello")).text(),
                    inFlight);
            case "qc-scale-uni" -> CallLoad.async(() -> scale.messages().createAsync(MessageRequest.of("Hello")),
                    inFlight);
            default -> throw new IllegalArgumentException("unknown client " + client);
        };
    }

    /** @param idleConnections 0: the SDK's defaults; else its OkHttp pool keeps this many idle connections */
    private AnthropicClient sdk(int idleConnections) {
        AnthropicOkHttpClient.Builder b = AnthropicOkHttpClient.builder().baseUrl(base).apiKey("sk-ant-api03-bench-key");
        if (idleConnections > 5) { // 5 idle for 5 minutes is OkHttp's default; the SDK wants both set or neither
            b.maxIdleConnections(idleConnections).keepAliveDuration(Duration.ofMinutes(5));
        }
        return b.build();
    }

    private Map<String, Object> streams(String client, int streams, int intervalMs, int deltas) throws Exception {
        StreamLoad load = new StreamLoad(streamOpener(client, streams));
        int warmStreams = Math.min(streams, 50);
        JitSettle.Warmup warmup = JitSettle.warmUp(seconds -> load.warm(warmStreams, seconds));
        long jit0 = JitSettle.compilationMs();
        Map<String, Object> f = load.measure(streams, intervalMs, deltas);
        putWarmup(f, warmup, JitSettle.compilationMs() - jit0);
        return f;
    }

    private StreamLoad.Opener streamOpener(String client, int streams) {
        return switch (client) {
            case "qc-scale" -> (prompt, tally) -> {
                tally.started();
                scale.messages().stream(MessageRequest.of(prompt)).subscribe().with(event -> {
                    if (event instanceof ContentBlockDeltaEvent) {
                        tally.deltas.increment();
                    } else {
                        tally.otherEvents.increment();
                    }
                }, failure -> tally.ended(failure), () -> tally.ended(null));
            };
            case "sdk-pool" -> {
                AnthropicClient sdk = sdk(streams);
                // the SDK's streaming API is blocking: one thread reads each stream
                yield (prompt, tally) -> {
                    Thread reader = new Thread(() -> {
                        tally.started();
                        Throwable failure = null;
                        MessageCreateParams params = MessageCreateParams.builder().model(BenchApp.MODEL)
                                .maxTokens(32000).addUserMessage(prompt).build();
                        try (StreamResponse<RawMessageStreamEvent> s = sdk.messages().createStreaming(params)) {
                            s.stream().forEach(event -> {
                                if (event.isContentBlockDelta()) {
                                    tally.deltas.increment();
                                } else {
                                    tally.otherEvents.increment();
                                }
                            });
                        } catch (Throwable e) {
                            failure = e;
                        }
                        tally.ended(failure);
                        try {
                            tally.release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }, "sdk-stream");
                    reader.setDaemon(true);
                    reader.start();
                };
            }
            default -> throw new IllegalArgumentException("unknown streaming client " + client);
        };
    }
}
