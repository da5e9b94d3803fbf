package io.quarkiverse.claude.deployment.checks;

import static io.quarkiverse.claude.deployment.checks.BuildFailures.assertNotContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.logging.Level;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.runtime.config.ClaudeRuntimeConfig;
import io.quarkus.test.QuarkusUnitTest;

/**
 * What only warns, and the application starts: a deprecated model, plain http to a remote host, a literal key that is
 * not shaped like a Claude key (at build time and again at startup), an unknown model under model-check=warn. An
 * extra model is accepted silently, a literal key does not fail a test build, and the build-time keys are never taken
 * for a client name.
 */
class ConfigWarningsTest {

    static final String ODD_KEY = "not-a-claude-key-4f9d2c7b";

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.claude.api-key", ODD_KEY)
            .overrideConfigKey("quarkus.claude.model", "claude-sonnet-4-5")
            .overrideConfigKey("quarkus.claude.model-check", "warn")
            .overrideConfigKey("quarkus.claude.extra-models", "claude-next-1,claude-next-2")
            .overrideConfigKey("quarkus.claude.allow-literal-api-key", "false")
            .overrideConfigKey("quarkus.claude.\"remote\".base-url", "http://gateway.example.com:8080")
            .overrideConfigKey("quarkus.claude.\"local\".base-url", "http://127.0.0.1:9999")
            .overrideConfigKey("quarkus.claude.\"guess\".model", "claude-opus-9")
            .overrideConfigKey("quarkus.claude.\"next\".model", "claude-next-2")
            .setLogRecordPredicate(r -> r.getLoggerName().startsWith("io.quarkiverse.claude"))
            .assertLogRecords(records -> {
                List<String> warnings = BuildFailures.checkWarnings(records);
                assertTrue(records.stream().filter(r -> r.getLoggerName().equals(BuildFailures.CHECKS_LOGGER))
                        .allMatch(r -> r.getLevel().intValue() == Level.WARNING.intValue()));
                assertOne(warnings, "quarkus.claude.model=claude-sonnet-4-5: Claude Sonnet 4.5 is deprecated"
                        + " (end of life 2026-11-30): after that date the API no longer serves it."
                        + " Move to claude-sonnet-4-6 before then.");
                assertOne(warnings, "quarkus.claude.\"remote\".base-url=http://gateway.example.com:8080 uses plain"
                        + " http to gateway.example.com, which is not this machine: the API key would travel in clear"
                        + " text. Use https, or http only to localhost.");
                assertOne(warnings, "quarkus.claude.api-key does not look like a Claude API key: Claude keys start"
                        + " with sk-ant-.");
                assertOne(warnings, "quarkus.claude.\"guess\".model=claude-opus-9 is not a Claude model this extension"
                        + " knows. Did you mean ");
                assertEquals(4, warnings.size(), warnings::toString);
                assertTrue(records.stream().anyMatch(r -> r.getLoggerName().equals("io.quarkiverse.claude.startup")
                        && BuildFailures.format(r).contains("The API key of the default Claude client"
                                + " (quarkus.claude.api-key) does not look like a Claude API key")),
                        "startup warning");
                records.forEach(r -> assertNotContains(BuildFailures.format(r), ODD_KEY, ODD_KEY.substring(6, 14)));
            });

    @Inject
    ClaudeClient claude;

    @Inject
    ClaudeRuntimeConfig config;

    @Test
    void startsAndBuildTimeKeysAreNoClients() {
        assertEquals("<default>", claude.name());
        assertEquals(Set.of("<default>", "remote", "local", "guess", "next"), config.clients().keySet());
    }

    private static void assertOne(List<String> warnings, String start) {
        assertEquals(1, warnings.stream().filter(w -> w.contains(start)).count(),
                () -> "expected one warning with <" + start + "> in " + warnings);
    }
}
