package io.quarkiverse.claude.deployment.checks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.Fault;
import io.quarkiverse.claude.testing.RecordedRequest;

/**
 * One simulator per test class, shared by both loadings of a QuarkusUnitTest class (JUnit's class loader, where the
 * extension is built, and Quarkus's, where the test methods run). It is started once and reached through JDK types
 * kept in the system properties, so that no class of either loader leaks into the other.
 */
public final class SharedSimulator {

    private static final String KEY = SharedSimulator.class.getName();

    private SharedSimulator() {
    }

    /** Starts the simulator of {@code owner} unless it runs, and returns its base URL. */
    public static String baseUrl(Class<?> owner, Supplier<ClaudeSimulator> start) {
        return (String) handles(owner, start).get("baseUrl");
    }

    /** @return the JSON bodies received on {@code path}, oldest first */
    public static List<JsonNode> bodies(Class<?> owner, String path) {
        ObjectMapper mapper = new ObjectMapper();
        return rawBodies(owner, path).stream().map(body -> {
            try {
                return mapper.readTree(body.isEmpty() ? "{}" : body);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** @return how many requests the simulator of {@code owner} received, on any path */
    @SuppressWarnings("unchecked")
    static int requestCount(Class<?> owner) {
        return ((Supplier<Integer>) handles(owner, null).get("requestCount")).get();
    }

    /** @return the bodies received on {@code path} as they arrived, oldest first */
    @SuppressWarnings("unchecked")
    public static List<String> rawBodies(Class<?> owner, String path) {
        return ((Function<String, List<String>>) handles(owner, null).get("bodies")).apply(path);
    }

    /**
     * Answers the next API request with this status, content type, body and headers ({@link Fault#body} with
     * {@link Fault#header}s), whatever the request is.
     */
    @SuppressWarnings("unchecked")
    public static void enqueue(Class<?> owner, int status, String contentType, String body, Map<String, String> headers) {
        ((Consumer<List<Object>>) handles(owner, null).get("enqueue")).accept(List.of(status, contentType, body, headers));
    }

    /** Answers the next API request normally, after {@code delay}. */
    @SuppressWarnings("unchecked")
    public static void enqueueDelay(Class<?> owner, Duration delay) {
        ((Consumer<Duration>) handles(owner, null).get("enqueueDelay")).accept(delay);
    }

    public static void stop(Class<?> owner) {
        Map<String, Object> handles = all().remove(owner.getName());
        if (handles != null) {
            ((Runnable) handles.get("stop")).run();
        }
    }

    private static Map<String, Object> handles(Class<?> owner, Supplier<ClaudeSimulator> start) {
        return all().computeIfAbsent(owner.getName(), name -> {
            if (start == null) {
                throw new IllegalStateException("no simulator for " + name);
            }
            ClaudeSimulator simulator = start.get();
            Function<String, List<String>> bodies = path -> simulator.requests(path).stream()
                    .map(RecordedRequest::body).toList();
            Consumer<List<Object>> enqueue = answer -> {
                Fault fault = Fault.body((Integer) answer.get(0), (String) answer.get(1), (String) answer.get(2));
                for (Map.Entry<?, ?> header : ((Map<?, ?>) answer.get(3)).entrySet()) {
                    fault = fault.header((String) header.getKey(), (String) header.getValue());
                }
                simulator.enqueue(fault);
            };
            Consumer<Duration> enqueueDelay = delay -> simulator.enqueue(Fault.delay(delay));
            Supplier<Integer> requestCount = () -> simulator.requests().size();
            Runnable stop = simulator::close;
            return Map.of("baseUrl", simulator.baseUrl(), "bodies", bodies, "enqueue", enqueue, "enqueueDelay",
                    enqueueDelay, "requestCount", requestCount, "stop", stop);
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> all() {
        synchronized (System.getProperties()) {
            return (Map<String, Map<String, Object>>) System.getProperties().computeIfAbsent(KEY,
                    k -> new ConcurrentHashMap<String, Map<String, Object>>());
        }
    }
}
