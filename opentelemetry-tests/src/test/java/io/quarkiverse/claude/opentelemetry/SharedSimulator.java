package io.quarkiverse.claude.opentelemetry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.Fault;
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

    /** The next request to the simulator of {@code owner} gets a 529 {@code overloaded_error}; later ones, answers. */
    static void overloadOnce(Class<?> owner) {
        ((Runnable) handles(owner, null).get("overloadOnce")).run();
    }

    /** The next request to the simulator of {@code owner} is answered only after 20 s. */
    static void slowOnce(Class<?> owner) {
        ((Runnable) handles(owner, null).get("slowOnce")).run();
    }

    /** Forgets the requests received and the faults still queued. */
    static void reset(Class<?> owner) {
        ((Runnable) handles(owner, null).get("reset")).run();
    }

    /** @return header {@code name} of each request received on {@code path}, oldest first (null where absent) */
    @SuppressWarnings("unchecked")
    static List<String> headers(Class<?> owner, String path, String name) {
        return ((Function<String, List<Map<String, String>>>) handles(owner, null).get("headers")).apply(path).stream()
                .map(headers -> headers.get(name)).toList();
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
            Function<String, List<Map<String, String>>> headers = path -> simulator.requests(path).stream()
                    .map(RecordedRequest::headers).toList();
            Runnable overloadOnce = () -> simulator.enqueue(Fault.overloaded());
            Runnable slowOnce = () -> simulator.enqueue(Fault.delay(Duration.ofSeconds(20)));
            Runnable reset = simulator::reset;
            Runnable stop = simulator::close;
            return Map.of("baseUrl", simulator.baseUrl(), "overloadOnce", overloadOnce, "slowOnce", slowOnce, "reset",
                    reset, "headers", headers, "stop", stop);
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
