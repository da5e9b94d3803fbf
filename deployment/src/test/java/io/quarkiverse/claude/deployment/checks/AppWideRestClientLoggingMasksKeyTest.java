package io.quarkiverse.claude.deployment.checks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.SimulatorOptions;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Quarkus' own REST Client logging, switched on for the whole application as its guide says (scope
 * {@code request-response}, the logging category at DEBUG), with the application's own list of headers to mask, and
 * none of the extension's {@code log-requests}: the Claude call is logged, with the key masked as well as the
 * application's headers.
 */
class AppWideRestClientLoggingMasksKeyTest {

    static final String KEY = "appwide-Hq4Tn8Ws2Kx6Vb9";
    static final String BASE_URL = SharedSimulator.baseUrl(AppWideRestClientLoggingMasksKeyTest.class,
            () -> ClaudeSimulator.start(SimulatorOptions.defaults().apiKey(KEY)));

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(SharedSimulator.class, BuildFailures.class, KeyLeaks.class))
            .overrideConfigKey("quarkus.http.host", "127.0.0.1")
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.claude.devservices.enabled", "false")
            .overrideConfigKey("quarkus.claude.model", "claude-haiku-4-5")
            .overrideRuntimeConfigKey("quarkus.claude.api-key", KEY)
            .overrideRuntimeConfigKey("quarkus.claude.base-url", BASE_URL)
            .overrideRuntimeConfigKey("quarkus.rest-client.logging.scope", "request-response")
            .overrideRuntimeConfigKey("quarkus.rest-client.logging.masked-headers", "Anthropic-Version")
            .overrideConfigKey("quarkus.log.category.\"org.jboss.resteasy.reactive.client.logging\".level", "DEBUG")
            .setLogRecordPredicate(r -> true)
            .assertLogRecords(records -> {
                KeyLeaks.assertNoKeyIn(records, KEY);
                KeyLeaks.assertRequestLogged(records, "/v1/messages");
                assertTrue(records.stream().map(BuildFailures::format)
                        .anyMatch(r -> r.startsWith("Request: POST ") && r.contains("x-api-key=****")
                                && r.contains("anthropic-version=****")),
                        "the key and the application's masked header are masked");
            });

    @Inject
    ClaudeClient claude;

    @AfterAll
    static void stop() {
        SharedSimulator.stop(AppWideRestClientLoggingMasksKeyTest.class);
    }

    @Test
    void theCallIsLoggedWithoutTheKey() {
        assertTrue(claude.ask("Hi").startsWith("Echo: "));
    }
}
