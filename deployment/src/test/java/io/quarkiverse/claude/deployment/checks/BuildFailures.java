package io.quarkiverse.claude.deployment.checks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.logging.LogRecord;

import org.jboss.logmanager.formatters.PatternFormatter;

import io.quarkus.runtime.configuration.ConfigurationException;

/** Helpers to assert build failures and warnings of the configuration checks. */
final class BuildFailures {

    static final String CHECKS_LOGGER = "io.quarkiverse.claude.config-checks";
    private static final PatternFormatter FORMATTER = new PatternFormatter("%s");

    private BuildFailures() {
    }

    /** @return the message of the first ConfigurationException in the chain */
    static String configurationMessage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConfigurationException) {
                return t.getMessage();
            }
        }
        StringBuilder chain = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            chain.append("\n -> ").append(t);
        }
        return fail("no ConfigurationException in" + chain);
    }

    static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), () -> "expected <" + part + "> in: " + text);
        }
    }

    static void assertNotContains(String text, String... parts) {
        for (String part : parts) {
            assertFalse(text.contains(part), () -> "did not expect <" + part + "> in: " + text);
        }
    }

    static String format(LogRecord record) {
        return FORMATTER.formatMessage(record);
    }

    /** @return the formatted warnings of the configuration checks */
    static List<String> checkWarnings(List<LogRecord> records) {
        return records.stream().filter(r -> CHECKS_LOGGER.equals(r.getLoggerName())).map(BuildFailures::format).toList();
    }
}
