package io.quarkiverse.claude.deployment.checks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.client.api.ClientLogger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;

/**
 * An application that logs its REST Clients' traffic with a {@link ClientLogger} bean of its own, one that prints
 * every header as it is (the REST Client then uses that bean for every client it builds): the Claude client keeps its
 * own logger, so the call is logged with the key masked and the application's logger never sees it.
 */
class OwnClientLoggerNeverSeesKeyTest {

    static final String KEY = "ownlogger-Gw5Rk9Tm3Xv7Lc2";

    @RegisterExtension
    static final QuarkusUnitTest app = KeyLeaks.app(OwnClientLoggerNeverSeesKeyTest.class, KEY,
            HeadersAsTheyAre.class)
            .overrideRuntimeConfigKey("quarkus.rest-client.logging.scope", "request-response");

    @Inject
    ClaudeClient claude;

    @AfterAll
    static void stop() {
        SharedSimulator.stop(OwnClientLoggerNeverSeesKeyTest.class);
    }

    @Test
    void theCallIsLoggedWithoutTheKey() {
        assertTrue(claude.ask("Hi").startsWith("Echo: "));
    }

    /** A careless application logger: every header of every request, unmasked. */
    @ApplicationScoped
    public static class HeadersAsTheyAre implements ClientLogger {

        private static final Logger LOG = Logger.getLogger(HeadersAsTheyAre.class);

        @Override
        public void setBodySize(int bodySize) {
        }

        @Override
        public void logRequest(HttpClientRequest request, Buffer body, boolean omitBody) {
            LOG.infof("App request %s %s", request.absoluteURI(), request.headers().entries().stream()
                    .map(header -> header.getKey() + "=" + header.getValue()).collect(Collectors.joining(" ")));
        }

        @Override
        public void logResponse(HttpClientResponse response, boolean redirect) {
        }
    }
}
