package io.quarkiverse.claude.it;

import java.util.ArrayList;
import java.util.List;

/**
 * The demo's command line: {@code [--help] [--serve] [--scenario=NAME] [--calls=N] [prompt words...]}.
 *
 * @param help print the usage and do nothing else
 * @param serve keep the HTTP endpoints up after the run
 * @param scenario the simulator's fault scenario for the batch, or {@code null} for {@code demo.scenario}
 * @param calls how many prompts the batch sends, or {@code null} for {@code demo.calls}
 * @param prompt the question of the single answer shown first, or {@code null} for the default one
 */
record DemoArgs(boolean help, boolean serve, String scenario, Integer calls, String prompt) {

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar integration-tests/target/quarkus-app/quarkus-run.jar [options] [prompt words...]",
            "",
            "Asks Claude one question (the prompt words, or a greeting), shows what the typed errors carry, then sends a",
            "batch of prompts and prints a line per call and a table per outcome. Without ANTHROPIC_API_KEY it starts",
            "the bundled Claude simulator; with it, it talks to the real API (no scenario, fewer prompts).",
            "",
            "Options:",
            "  --scenario=NAME  the simulator's fault scenario for the batch: normal, rate-limited, overloaded, flaky",
            "                   or slow (default: demo.scenario, flaky)",
            "  --calls=N        how many prompts the batch sends (default: demo.calls, 24)",
            "  --serve          keep the HTTP endpoints up after the run: GET /chat?prompt=..., GET /demo/report,",
            "                   GET /demo/report.txt, POST /demo/run?scenario=...&calls=...",
            "  --help, -h       print this and exit",
            "");

    /** @throws IllegalArgumentException for an option the demo does not know, or a {@code --calls} that is no number */
    static DemoArgs parse(String... args) {
        boolean help = false;
        boolean serve = false;
        String scenario = null;
        Integer calls = null;
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            } else if (arg.equals("--serve")) {
                serve = true;
            } else if (arg.startsWith("--scenario=")) {
                scenario = arg.substring("--scenario=".length());
            } else if (arg.startsWith("--calls=")) {
                try {
                    calls = Integer.valueOf(arg.substring("--calls=".length()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--calls needs a number: " + arg);
                }
            } else if (arg.startsWith("-")) {
                // an option mistyped must not become a prompt sent to Claude
                throw new IllegalArgumentException("Unknown option " + arg + System.lineSeparator() + USAGE);
            } else {
                words.add(arg);
            }
        }
        return new DemoArgs(help, serve, scenario, calls, words.isEmpty() ? null : String.join(" ", words));
    }
}
