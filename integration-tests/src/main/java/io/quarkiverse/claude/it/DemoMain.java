package io.quarkiverse.claude.it;

import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Runs the demo. With {@code ANTHROPIC_API_KEY} set it talks to the real API; without, it starts the bundled Claude
 * simulator first and points the client at it. {@code --serve} keeps the HTTP endpoints up until stopped.
 */
@QuarkusMain
public class DemoMain {

    private static volatile ClaudeSimulator simulator;

    public static void main(String... args) {
        boolean realApi = System.getenv("ANTHROPIC_API_KEY") != null || System.getProperty("quarkus.claude.api-key") != null;
        boolean serve = args.length > 0 && args[0].equals("--serve");
        if (!realApi) {
            simulator = ClaudeSimulator.start();
            System.setProperty("quarkus.claude.base-url", simulator.baseUrl());
            System.setProperty("quarkus.claude.api-key", ClaudeSimulator.DEFAULT_API_KEY);
        }
        if (!serve && System.getProperty("quarkus.http.port") == null) {
            System.setProperty("quarkus.http.port", "0"); // a one-shot run must not fail on a busy 8080
        }
        try {
            Quarkus.run(DemoApp.class, args);
        } finally {
            if (simulator != null) {
                simulator.close();
            }
        }
    }

    /** @return the simulator the demo started, or {@code null} when it talks to the real API */
    static ClaudeSimulator simulator() {
        return simulator;
    }
}
