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
 * is given and any key is accepted. The optional init argument {@code scenario} names the {@link Scenario} to start
 * with ({@code normal}, {@code rate-limited}, {@code overloaded}, {@code flaky} or {@code slow}, see
 * {@link Scenario#parse(String)}), and {@code requests-per-minute} sets a request budget
 * ({@link SimulatorOptions#requestsPerMinute(int)}).
 */
public class ClaudeSimulatorTestResource implements QuarkusTestResourceLifecycleManager {

    /** The init argument naming the API key to require and to configure. */
    public static final String API_KEY_ARG = "api-key";

    /** The init argument naming the {@link Scenario} to start with. */
    public static final String SCENARIO_ARG = "scenario";

    /** The init argument setting {@link SimulatorOptions#requestsPerMinute(int)}. */
    public static final String REQUESTS_PER_MINUTE_ARG = "requests-per-minute";

    private String apiKey;
    private Scenario scenario = Scenario.normal();
    private int requestsPerMinute;
    private volatile ClaudeSimulator simulator;

    @Override
    public void init(Map<String, String> initArgs) {
        String key = initArgs == null ? null : initArgs.get(API_KEY_ARG);
        this.apiKey = key == null || key.isBlank() ? null : key;
        String scenarioName = initArgs == null ? null : initArgs.get(SCENARIO_ARG);
        if (scenarioName != null && !scenarioName.isBlank()) {
            this.scenario = Scenario.parse(scenarioName);
        }
        String rpm = initArgs == null ? null : initArgs.get(REQUESTS_PER_MINUTE_ARG);
        if (rpm != null && !rpm.isBlank()) {
            try {
                this.requestsPerMinute = Integer.parseInt(rpm.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(REQUESTS_PER_MINUTE_ARG + " is not a number: " + rpm, e);
            }
        }
    }

    @Override
    public Map<String, String> start() {
        simulator = ClaudeSimulator.start(SimulatorOptions.defaults().apiKey(apiKey).scenario(scenario)
                .requestsPerMinute(requestsPerMinute));
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
