package io.quarkiverse.claude.deployment.checks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.LogRecord;

import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.SimulatorOptions;
import io.quarkus.test.QuarkusUnitTest;

/** Looks for an API key, whole or in pieces, in captured log records. */
final class KeyLeaks {

    /** The logger of the REST Client's request/response logging (Quarkus' and ours). */
    static final String REST_CLIENT_LOGGER = "org.jboss.resteasy.reactive.client.logging.DefaultClientLogger";

    private KeyLeaks() {
    }

    /**
     * The application of a key-leak test: its default client calls a simulator of its own that expects {@code key};
     * after the run, no log record holds the key and the call's request was logged (so a leak would have been seen),
     * then {@code moreChecks}. Each test adds the logging settings it is about.
     */
    static QuarkusUnitTest app(Class<?> test, String key, Class<?>... classes) {
        return app(test, key, records -> {
        }, classes);
    }

    /** The same, with checks of its own on the log records. */
    static QuarkusUnitTest app(Class<?> test, String key, Consumer<List<LogRecord>> moreChecks, Class<?>... classes) {
        String baseUrl = SharedSimulator.baseUrl(test,
                () -> ClaudeSimulator.start(SimulatorOptions.defaults().apiKey(key)));
        return new QuarkusUnitTest()
                .withApplicationRoot(jar -> jar.addClasses(SharedSimulator.class, BuildFailures.class, KeyLeaks.class)
                        .addClasses(classes))
                .overrideConfigKey("quarkus.http.host", "127.0.0.1")
                .overrideConfigKey("quarkus.http.test-port", "0")
                .overrideConfigKey("quarkus.claude.devservices.enabled", "false")
                .overrideConfigKey("quarkus.claude.model", "claude-haiku-4-5")
                .overrideRuntimeConfigKey("quarkus.claude.api-key", key)
                .overrideRuntimeConfigKey("quarkus.claude.base-url", baseUrl)
                .setLogRecordPredicate(r -> true)
                .assertLogRecords(records -> {
                    assertNoKeyIn(records, key);
                    assertRequestLogged(records, "/v1/messages");
                    moreChecks.accept(records);
                });
    }

    /** Fails when any record holds the key or any 6-character piece of it (a hex dump splits it into lines). */
    static void assertNoKeyIn(List<LogRecord> records, String key) {
        for (LogRecord record : records) {
            BuildFailures.assertNotContains(everything(record), fragments(key));
        }
    }

    /** Fails unless a record of the REST Client's logger shows a request to {@code path} with its {@code x-api-key}. */
    static void assertRequestLogged(List<LogRecord> records, String path) {
        assertTrue(records.stream().anyMatch(r -> REST_CLIENT_LOGGER.equals(r.getLoggerName())
                && BuildFailures.format(r).startsWith("Request: POST ") && BuildFailures.format(r).contains(path)
                && BuildFailures.format(r).contains("x-api-key=")),
                () -> "no request to " + path + " with its x-api-key header logged by " + REST_CLIENT_LOGGER + " in "
                        + records.size() + " records");
    }

    static String[] fragments(String key) {
        List<String> parts = new ArrayList<>(List.of(key));
        for (int i = 0; i + 6 <= key.length(); i++) {
            parts.add(key.substring(i, i + 6));
        }
        return parts.toArray(String[]::new);
    }

    static String everything(LogRecord record) {
        StringBuilder text = new StringBuilder(String.valueOf(record.getMessage()));
        text.append('\n').append(BuildFailures.format(record));
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                text.append('\n').append(parameter);
            }
        }
        if (record.getThrown() != null) {
            StringWriter out = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(out));
            text.append('\n').append(out);
        }
        return text.toString();
    }
}
