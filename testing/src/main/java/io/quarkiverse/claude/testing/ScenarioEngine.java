package io.quarkiverse.claude.testing;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * The running state of a {@link Scenario}: its random draws and the burst in progress. Turns each governed request
 * into a {@link Fault} (or null for the plain regular answer). Replaced from test threads while the event loop draws,
 * hence synchronized.
 */
final class ScenarioEngine {

    private static final Map<Integer, String> MESSAGES = Map.ofEntries(
            Map.entry(400, "Simulated invalid request"),
            Map.entry(401, "invalid x-api-key"),
            Map.entry(402, "Your credit balance is too low to access the Anthropic API."),
            Map.entry(403, "Your API key does not have permission to use the specified resource."),
            Map.entry(404, "Not Found"),
            Map.entry(409, "Conflict"),
            Map.entry(413, "Request exceeds the maximum allowed number of bytes."),
            Map.entry(429, "This request would exceed the rate limit for your organization. Please try again later."),
            Map.entry(500, "Internal server error"),
            Map.entry(504, "Request timed out"),
            Map.entry(529, "Overloaded"));

    private Scenario scenario;
    private Random random;
    private Map<Integer, Fault> errors;
    private Fault burstFault;
    private int burstLeft;

    ScenarioEngine(Scenario scenario) {
        set(scenario);
    }

    /** Applies {@code s}; its draws start over from its seed. */
    synchronized void set(Scenario s) {
        this.scenario = Objects.requireNonNull(s, "scenario");
        this.random = new Random(s.seed());
        this.burstFault = null;
        this.burstLeft = 0;
        Map<Integer, Fault> e = new HashMap<>();
        for (int status : s.rules().keySet()) {
            Fault f = Fault.error(status, Scenario.ERROR_TYPES.get(status), MESSAGES.get(status));
            if (status == 429) {
                long ms = s.retryAfter().toMillis();
                f = f.retryAfterSeconds((ms + 999) / 1000).retryAfterMillis(ms);
            }
            e.put(status, f);
        }
        this.errors = e;
    }

    synchronized Scenario get() {
        return scenario;
    }

    /** What the next governed request gets: a fault, a delayed regular answer, or null for the regular answer. */
    synchronized Fault next() {
        if (scenario.isNormal()) {
            return null;
        }
        Fault fault = null;
        if (burstLeft > 0) {
            burstLeft--;
            fault = burstFault;
        } else {
            double u = random.nextDouble();
            double cumulative = scenario.dropRate();
            if (u < cumulative) {
                fault = Fault.dropConnection();
            } else {
                for (Map.Entry<Integer, Scenario.Rule> rule : scenario.rules().entrySet()) {
                    cumulative += rule.getValue().rate();
                    if (u < cumulative) {
                        fault = errors.get(rule.getKey());
                        if (rule.getValue().length() > 1) {
                            burstFault = fault;
                            burstLeft = rule.getValue().length() - 1;
                        }
                        break;
                    }
                }
            }
        }
        Duration latency = latency();
        if (latency.isZero()) {
            return fault;
        }
        return fault == null ? Fault.delay(latency) : fault.delayed(latency);
    }

    private Duration latency() {
        long min = scenario.minLatency().toMillis();
        long max = scenario.maxLatency().toMillis();
        if (max <= 0) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(min == max ? min : min + (long) (random.nextDouble() * (max - min + 1)));
    }
}
