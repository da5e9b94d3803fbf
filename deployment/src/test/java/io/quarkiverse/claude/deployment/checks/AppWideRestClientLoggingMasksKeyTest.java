package io.quarkiverse.claude.deployment.checks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Quarkus' own REST Client logging, switched on for the whole application as its guide says (scope
 * {@code request-response}, the logging category at DEBUG), with the application's own list of headers to mask, and
 * none of the extension's {@code log-requests}: the Claude call is logged, with the key masked as well as the
 * application's headers.
 */
class AppWideRestClientLoggingMasksKeyTest {

    static final String KEY = "appwide-Hq4Tn8Ws2Kx6Vb9";

    @RegisterExtension
    static final QuarkusUnitTest app = KeyLeaks.app(AppWideRestClientLoggingMasksKeyTest.class, KEY,
            records -> assertTrue(records.stream().map(BuildFailures::format)
                    .anyMatch(r -> r.startsWith("Request: POST ") && r.contains("x-api-key=****")
                            && r.contains("anthropic-version=****")),
                    "the key and the application's masked header are masked"))
            .overrideRuntimeConfigKey("quarkus.rest-client.logging.scope", "request-response")
            .overrideRuntimeConfigKey("quarkus.rest-client.logging.masked-headers", "Anthropic-Version")
            .overrideConfigKey("quarkus.log.category.\"org.jboss.resteasy.reactive.client.logging\".level", "DEBUG");

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
