package io.quarkiverse.claude.it;

import java.util.HashMap;
import java.util.Map;

import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Runs the demo. With {@code ANTHROPIC_API_KEY} set it talks to the real API; without, it starts the bundled Claude
 * simulator first and points the client at it. {@code --serve} keeps the HTTP endpoints up until stopped;
 * {@code --scenario=NAME} and {@code --calls=N} shape the batch (see {@link DemoArgs}).
 */
@QuarkusMain
public class DemoMain {

    private static volatile ClaudeSimulator simulator;

    public static void main(String... args) {
        boolean realApi = System.getenv("ANTHROPIC_API_KEY") != null || System.getProperty("quarkus.claude.api-key") != null;
        boolean serve = serves(args);
        Map<String, String> previous = new HashMap<>();
        if (!realApi) {
            simulator = ClaudeSimulator.start();
            setProperty(previous, "quarkus.claude.base-url", simulator.baseUrl());
            setProperty(previous, "quarkus.claude.api-key", ClaudeSimulator.DEFAULT_API_KEY);
        }
        if (!serve && System.getProperty("quarkus.http.port") == null) {
            setProperty(previous, "quarkus.http.port", "0"); // a one-shot run must not fail on a busy 8080
        }
        try {
            Quarkus.run(DemoApp.class, args);
        } finally {
            if (simulator != null) {
                simulator.close();
                simulator = null;
            }
            // leave the JVM as it was (a @QuarkusMainTest runs this in the test JVM)
            previous.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
    }

    /** @return whether the command line asks to serve; a bad one does not: DemoApp reports it */
    private static boolean serves(String... args) {
        try {
            return DemoArgs.parse(args).serve();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void setProperty(Map<String, String> previous, String key, String value) {
        previous.put(key, System.getProperty(key));
        System.setProperty(key, value);
    }

    /** @return the simulator the demo runs against, or {@code null} when it talks to the real API */
    static ClaudeSimulator simulator() {
        return simulator;
    }

    /** For tests that bring their own simulator (see {@code DemoResourceTest}); {@code null} to forget it. */
    static void useSimulator(ClaudeSimulator running) {
        simulator = running;
    }
}
