package io.quarkiverse.claude.deployment.checks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.RecordedRequest;

/**
 * One simulator per test class, shared by both loadings of a QuarkusUnitTest class (JUnit's class loader, where the
 * extension is built, and Quarkus's, where the test methods run). It is started once and reached through JDK types
 * kept in the system properties, so that no class of either loader leaks into the other.
 */
final class SharedSimulator {

    private static final String KEY = SharedSimulator.class.getName();

    private SharedSimulator() {
    }

    /** Starts the simulator of {@code owner} unless it runs, and returns its base URL. */
    static String baseUrl(Class<?> owner, Supplier<ClaudeSimulator> start) {
        return (String) handles(owner, start).get("baseUrl");
    }

    /** @return the JSON bodies received on {@code path}, oldest first */
    @SuppressWarnings("unchecked")
    static List<JsonNode> bodies(Class<?> owner, String path) {
        Function<String, List<String>> bodies = (Function<String, List<String>>) handles(owner, null).get("bodies");
        ObjectMapper mapper = new ObjectMapper();
        return bodies.apply(path).stream().map(body -> {
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

    static void stop(Class<?> owner) {
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
            Supplier<Integer> requestCount = () -> simulator.requests().size();
            Runnable stop = simulator::close;
            return Map.of("baseUrl", simulator.baseUrl(), "bodies", bodies, "requestCount", requestCount, "stop", stop);
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
