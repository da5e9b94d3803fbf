package io.quarkiverse.claude.deployment.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import javax.net.ssl.SSLHandshakeException;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.ClaudeClientName;
import io.quarkiverse.claude.errors.ClaudeConnectionException;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.certs.PemCertificateFiles;

/**
 * {@code tls-configuration-name}: a gateway over HTTPS with a certificate no public CA signed (a self-signed one, made
 * when the test starts) is reached by the client whose TLS configuration trusts it, and refused by the one without,
 * although the default TLS configuration ({@code quarkus.tls.trust-store.*}) and
 * {@code quarkus.rest-client.tls-configuration-name} trust it too: they do not apply to the Claude clients.
 * {@code http2} makes the client speak HTTP/2 to it.
 */
class TlsConfigurationTest {

    static final Map<String, Object> SERVERS = SharedServers.of(TlsConfigurationTest.class, () -> {
        ClaudeSimulator simulator = ClaudeSimulator.start();
        PemCertificateFiles certificate = Certificates.selfSigned("claude-gateway");
        Relay gateway = Relay.https(simulator.baseUrl(), certificate.certFile(), certificate.keyFile());
        return Map.of("url", gateway.baseUrl(), "ca", certificate.trustFile().toString(),
                "seen", (Supplier<List<String>>) gateway::seen,
                "answered", (IntSupplier) () -> simulator.requests().size(),
                "stop", (Runnable) () -> {
                    gateway.close();
                    simulator.close();
                });
    });
    static final String GATEWAY = (String) SERVERS.get("url");

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(SharedServers.class, Relay.class, Certificates.class))
            // no fixed port: other builds on the machine may hold 8081
            .overrideConfigKey("quarkus.http.test-port", "0")
            // the simulator is started by the test; Dev Services would start another, unused
            .overrideConfigKey("quarkus.claude.devservices.enabled", "false")
            .overrideRuntimeConfigKey("quarkus.tls.\"claude-gateway\".trust-store.pem.certs",
                    (String) SERVERS.get("ca"))
            // neither the default TLS configuration nor the REST Client's app-wide name applies to the Claude clients
            .overrideRuntimeConfigKey("quarkus.tls.trust-store.pem.certs", (String) SERVERS.get("ca"))
            .overrideRuntimeConfigKey("quarkus.rest-client.tls-configuration-name", "claude-gateway")
            .overrideConfigKey("quarkus.claude.model", "claude-haiku-4-5")
            .overrideRuntimeConfigKey("quarkus.claude.api-key", ClaudeSimulator.DEFAULT_API_KEY)
            .overrideRuntimeConfigKey("quarkus.claude.base-url", GATEWAY)
            .overrideRuntimeConfigKey("quarkus.claude.tls-configuration-name", "claude-gateway")
            .overrideConfigKey("quarkus.claude.\"untrusted\".model", "claude-haiku-4-5")
            .overrideRuntimeConfigKey("quarkus.claude.\"untrusted\".api-key", ClaudeSimulator.DEFAULT_API_KEY)
            .overrideRuntimeConfigKey("quarkus.claude.\"untrusted\".base-url", GATEWAY)
            .overrideRuntimeConfigKey("quarkus.claude.\"untrusted\".resilience.connection.max-retries", "0")
            .overrideConfigKey("quarkus.claude.\"h2\".model", "claude-haiku-4-5")
            .overrideRuntimeConfigKey("quarkus.claude.\"h2\".api-key", ClaudeSimulator.DEFAULT_API_KEY)
            .overrideRuntimeConfigKey("quarkus.claude.\"h2\".base-url", GATEWAY)
            .overrideRuntimeConfigKey("quarkus.claude.\"h2\".tls-configuration-name", "claude-gateway")
            .overrideRuntimeConfigKey("quarkus.claude.\"h2\".http2", "true");

    @Inject
    ClaudeClient trusting;

    @Inject
    @ClaudeClientName("untrusted")
    ClaudeClient untrusted;

    @Inject
    @ClaudeClientName("h2")
    ClaudeClient h2;

    @AfterAll
    static void stop() {
        SharedServers.stop(TlsConfigurationTest.class);
    }

    @Test
    void theNamedTrustStoreLetsTheClientReachTheGateway() {
        int before = seen().size();

        assertEquals("Echo: through TLS", trusting.ask("through TLS"));

        assertEquals(List.of("HTTP_1_1 POST /v1/messages"), seen().subList(before, seen().size()),
                "HTTP/1.1 unless http2 is set");
    }

    @Test
    void withoutItTheGatewaysCertificateIsRefused() {
        int seenBefore = seen().size();
        int answeredBefore = answered();

        ClaudeConnectionException failure = assertThrows(ClaudeConnectionException.class, () -> untrusted.ask("hello"));

        assertTrue(causes(failure, SSLHandshakeException.class), () -> "a TLS handshake failure: " + failure);
        assertEquals(seenBefore, seen().size(), "no request went over the refused connection");
        assertEquals(answeredBefore, answered());
    }

    @Test
    void http2IsNegotiatedWithTheGateway() {
        int before = seen().size();

        assertEquals("Echo: over HTTP/2", h2.ask("over HTTP/2"));

        assertEquals(List.of("HTTP_2 POST /v1/messages"), seen().subList(before, seen().size()));
    }

    @SuppressWarnings("unchecked")
    private static List<String> seen() {
        return ((Supplier<List<String>>) SERVERS.get("seen")).get();
    }

    private static int answered() {
        return ((IntSupplier) SERVERS.get("answered")).getAsInt();
    }

    private static boolean causes(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
