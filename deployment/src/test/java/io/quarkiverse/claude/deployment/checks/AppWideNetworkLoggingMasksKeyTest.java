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
 * Quarkus' REST Client logging at its widest, scope {@code all} for the whole application, which also turns on the
 * HTTP client's network activity log (a hex dump of every byte sent, the headers included), with that log's category at
 * DEBUG: the Claude call is logged as with {@code request-response}, the key masked, and its bytes are never dumped.
 */
class AppWideNetworkLoggingMasksKeyTest {

    static final String KEY = "netlog-Pf3Jr7Yc5Mz2Qd8";
    static final String BASE_URL = SharedSimulator.baseUrl(AppWideNetworkLoggingMasksKeyTest.class,
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
            .overrideRuntimeConfigKey("quarkus.rest-client.logging.scope", "all")
            .overrideConfigKey("quarkus.log.category.\"org.jboss.resteasy.reactive.client.logging\".level", "DEBUG")
            .overrideConfigKey("quarkus.log.category.\"io.netty.handler.logging\".level", "DEBUG")
            .setLogRecordPredicate(r -> true)
            .assertLogRecords(records -> {
                KeyLeaks.assertNoKeyIn(records, KEY);
                KeyLeaks.assertRequestLogged(records, "/v1/messages");
            });

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
