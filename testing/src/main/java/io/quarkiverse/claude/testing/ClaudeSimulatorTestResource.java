package io.quarkiverse.claude.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Runs a {@link ClaudeSimulator} for the Quarkus tests that use it and points the Claude extension at it, through
 * {@code quarkus.claude.base-url} and {@code quarkus.claude.api-key}.
 *
 * <pre>
 * &#64;QuarkusTest
 * &#64;QuarkusTestResource(ClaudeSimulatorTestResource.class) // or &#64;WithTestResource
 * class ChatTest {
 *     &#64;InjectClaudeSimulator
 *     ClaudeSimulator claude;
 * }
 * </pre>
 *
 * The optional init argument {@code api-key} (e.g. {@code initArgs = @ResourceArg(name = "api-key", value = "sk-x")})
 * sets the key the simulator requires and the application is given; by default {@link ClaudeSimulator#DEFAULT_API_KEY}
 * is given and any key is accepted.
 */
public class ClaudeSimulatorTestResource implements QuarkusTestResourceLifecycleManager {

    /** The init argument naming the API key to require and to configure. */
    public static final String API_KEY_ARG = "api-key";

    private String apiKey;
    private volatile ClaudeSimulator simulator;

    @Override
    public void init(Map<String, String> initArgs) {
        String key = initArgs == null ? null : initArgs.get(API_KEY_ARG);
        this.apiKey = key == null || key.isBlank() ? null : key;
    }

    @Override
    public Map<String, String> start() {
        simulator = ClaudeSimulator.start(SimulatorOptions.defaults().apiKey(apiKey));
        return Map.of(
                "quarkus.claude.base-url", simulator.baseUrl(),
                "quarkus.claude.api-key", apiKey != null ? apiKey : ClaudeSimulator.DEFAULT_API_KEY);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(simulator,
                new TestInjector.AnnotatedAndMatchesType(InjectClaudeSimulator.class, ClaudeSimulator.class));
    }

    @Override
    public void stop() {
        ClaudeSimulator s = simulator;
        simulator = null;
        if (s != null) {
            s.close();
        }
    }

    /** The running simulator, or null before {@link #start()} and after {@link #stop()}. */
    public ClaudeSimulator simulator() {
        return simulator;
    }
}
