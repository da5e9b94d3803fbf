package io.quarkiverse.claude.deployment.checks;

import static io.quarkiverse.claude.deployment.checks.BuildFailures.assertNotContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.SimulatorOptions;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The API key never shows, in whole or in part, in any log record of the build or the run, down to DEBUG (the level
 * QuarkusUnitTest captures): with a literal odd-shaped key (so both shape warnings fire), verify-on-startup, request
 * and response logging, a good call and a failing one.
 */
class KeyNeverLoggedTest {

    static final String KEY = "leakcheck-Zq8Xw3Vt5NyR7pLm";
    static final String BASE_URL = SharedSimulator.baseUrl(KeyNeverLoggedTest.class,
            () -> ClaudeSimulator.start(SimulatorOptions.defaults().apiKey(KEY)));

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(SharedSimulator.class, BuildFailures.class))
            .overrideConfigKey("quarkus.claude.api-key", KEY)
            .overrideConfigKey("quarkus.claude.base-url", BASE_URL)
            .overrideConfigKey("quarkus.claude.model", "claude-haiku-4-5")
            .overrideConfigKey("quarkus.claude.verify-on-startup", "true")
            .overrideConfigKey("quarkus.claude.log-requests", "true")
            .overrideConfigKey("quarkus.claude.log-responses", "true")
            .overrideConfigKey("quarkus.log.level", "DEBUG")
            .overrideConfigKey("quarkus.log.console.level", "INFO")
            .setLogRecordPredicate(r -> true)
            .assertLogRecords(records -> {
                assertTrue(records.size() > 50, () -> "only " + records.size() + " records captured");
                assertTrue(has(records, BuildFailures.CHECKS_LOGGER, "quarkus.claude.api-key does not look like"),
                        "build-time shape warning");
                assertTrue(has(records, "io.quarkiverse.claude.startup", "does not look like a Claude API key"),
                        "startup shape warning");
                assertTrue(has(records, "io.quarkiverse.claude.errors", "404 not_found_error, request-id req_"),
                        "the API error logged at WARN, with its status, type and request id");
                for (LogRecord record : records) {
                    assertNotContains(everything(record), fragments());
                }
            });

    @Inject
    ClaudeClient claude;

    @AfterAll
    static void stop() {
        SharedSimulator.stop(KeyNeverLoggedTest.class);
    }

    @Test
    void callsAndFailuresDoNotShowTheKey() {
        assertEquals("claude-haiku-4-5", claude.messages().create(MessageRequest.of("Hi")).model());
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> claude.messages().create(MessageRequest.builder().model("claude-none-1").addUserMessage("Hi").build()));
        assertNotContains(stackTrace(failure), fragments());
        assertNotContains(claude.toString(), fragments());
    }

    /** The key and every 6-character piece of it. */
    static String[] fragments() {
        List<String> parts = new ArrayList<>(List.of(KEY));
        for (int i = 0; i + 6 <= KEY.length(); i++) {
            parts.add(KEY.substring(i, i + 6));
        }
        return parts.toArray(String[]::new);
    }

    private static boolean has(List<LogRecord> records, String logger, String text) {
        return records.stream().anyMatch(r -> logger.equals(r.getLoggerName()) && BuildFailures.format(r).contains(text));
    }

    private static String everything(LogRecord record) {
        StringBuilder text = new StringBuilder(String.valueOf(record.getMessage()));
        text.append('\n').append(BuildFailures.format(record));
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                text.append('\n').append(parameter);
            }
        }
        if (record.getThrown() != null) {
            text.append('\n').append(stackTrace(record.getThrown()));
        }
        return text.toString();
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
