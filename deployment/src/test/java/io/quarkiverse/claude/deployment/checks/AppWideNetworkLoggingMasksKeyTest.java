package io.quarkiverse.claude.deployment.checks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Quarkus' REST Client logging at its widest, scope {@code all} for the whole application, which also turns on the
 * HTTP client's network activity log (a hex dump of every byte sent, the headers included), with that log's category at
 * DEBUG: the Claude call is logged as with {@code request-response}, the key masked, and its bytes are never dumped.
 */
class AppWideNetworkLoggingMasksKeyTest {

    static final String KEY = "netlog-Pf3Jr7Yc5Mz2Qd8";

    @RegisterExtension
    static final QuarkusUnitTest app = KeyLeaks.app(AppWideNetworkLoggingMasksKeyTest.class, KEY)
            .overrideRuntimeConfigKey("quarkus.rest-client.logging.scope", "all")
            .overrideConfigKey("quarkus.log.category.\"org.jboss.resteasy.reactive.client.logging\".level", "DEBUG")
            .overrideConfigKey("quarkus.log.category.\"io.netty.handler.logging\".level", "DEBUG");

    @Inject
    ClaudeClient claude;

    @AfterAll
    static void stop() {
        SharedSimulator.stop(AppWideNetworkLoggingMasksKeyTest.class);
    }

    @Test
    void theCallIsLoggedWithoutTheKey() {
        assertTrue(claude.ask("Hi").startsWith("Echo: "));
    }
}
