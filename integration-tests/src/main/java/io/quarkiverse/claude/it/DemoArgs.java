package io.quarkiverse.claude.it;

import java.util.ArrayList;
import java.util.List;

/**
 * The demo's command line: {@code [--serve] [--scenario=NAME] [--calls=N] [prompt words...]}.
 *
 * @param serve keep the HTTP endpoints up after the run
 * @param scenario the simulator's fault scenario for the batch, or {@code null} for {@code demo.scenario}
 * @param calls how many prompts the batch sends, or {@code null} for {@code demo.calls}
 * @param prompt the question of the single answer shown first, or {@code null} for the default one
 */
record DemoArgs(boolean serve, String scenario, Integer calls, String prompt) {

    static DemoArgs parse(String... args) {
        boolean serve = false;
        String scenario = null;
        Integer calls = null;
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--serve")) {
                serve = true;
            } else if (arg.startsWith("--scenario=")) {
                scenario = arg.substring("--scenario=".length());
            } else if (arg.startsWith("--calls=")) {
                try {
                    calls = Integer.valueOf(arg.substring("--calls=".length()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--calls needs a number: " + arg);
                }
            } else {
                words.add(arg);
            }
        }
        return new DemoArgs(serve, scenario, calls, words.isEmpty() ? null : String.join(" ", words));
    }
}
