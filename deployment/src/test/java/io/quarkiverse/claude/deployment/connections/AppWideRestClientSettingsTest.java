package io.quarkiverse.claude.deployment.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;

import org.jboss.logmanager.formatters.PatternFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.ClaudeClientName;
import io.quarkiverse.claude.errors.UnexpectedResponseException;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.Fault;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.certs.PemCertificateFiles;

/**
 * What the application-wide settings of the REST Client do to the Claude clients, which are built programmatically
 * and have no {@code quarkus.rest-client."config-key".*} of their own: {@code quarkus.rest-client.logging.scope} logs
 * their calls (with the key masked), {@code quarkus.tls.trust-all} makes them trust any certificate, and
 * {@code quarkus.rest-client.follow-redirects} does not make them follow a redirect.
 */
class AppWideRestClientSettingsTest {

    static final String KEY = "sk-ant-api03-appwide-Zq8Xw3Vt5NyR7pLm";

    static final Map<String, Object> SERVERS = SharedServers.of(AppWideRestClientSettingsTest.class, () -> {
        ClaudeSimulator simulator = ClaudeSimulator.start();
        PemCertificateFiles certificate = Certificates.selfSigned("untrusted-gateway");
        Relay gateway = Relay.https(simulator.baseUrl(), certificate.certFile(), certificate.keyFile());
        return Map.of("api", simulator.baseUrl(), "gateway", gateway.baseUrl(),
                "seen", (Supplier<List<String>>) gateway::seen,
                "answered", (IntSupplier) () -> simulator.requests().size(),
                "redirect", (Runnable) () -> simulator
                        .enqueue(Fault.redirect(307, simulator.baseUrl() + "/v1/messages")),
                "stop", (Runnable) () -> {
                    gateway.close();
                    simulator.close();
                });
    });
    static final String API = (String) SERVERS.get("api");

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(SharedServers.class, Relay.class, Certificates.class))
            // no fixed port: other builds on the machine may hold 8081
            .overrideConfigKey("quarkus.http.test-port", "0")
            // the simulator is started by the test; Dev Services would start another, unused
            .overrideConfigKey("quarkus.claude.devservices.enabled", "false")
            .overrideRuntimeConfigKey("quarkus.rest-client.logging.scope", "request-response")
            .overrideRuntimeConfigKey("quarkus.rest-client.follow-redirects", "true")
            .overrideRuntimeConfigKey("quarkus.tls.trust-all", "true")
            .overrideConfigKey("quarkus.claude.model", "claude-haiku-4-5")
            .overrideRuntimeConfigKey("quarkus.claude.api-key", KEY)
            .overrideRuntimeConfigKey("quarkus.claude.base-url", API)
            .overrideConfigKey("quarkus.claude.\"gateway\".model", "claude-haiku-4-5")
            .overrideRuntimeConfigKey("quarkus.claude.\"gateway\".api-key", KEY)
            .overrideRuntimeConfigKey("quarkus.claude.\"gateway\".base-url", (String) SERVERS.get("gateway"))
            .setLogRecordPredicate(record -> true)
            .assertLogRecords(records -> {
                List<String> logged = records.stream().map(AppWideRestClientSettingsTest::format).toList();
                assertTrue(logged.stream().anyMatch(line -> line.startsWith("Request: POST " + API + "/v1/messages")
                        && line.contains("x-api-key=****")), () -> "the request logged, its key masked: " + logged);
                for (String line : logged) {
                    assertFalse(line.contains(KEY.substring(20)), line);
                }
            });

    @Inject
    ClaudeClient claude;

    @Inject
    @ClaudeClientName("gateway")
    ClaudeClient gateway;

    @AfterAll
    static void stop() {
        SharedServers.stop(AppWideRestClientSettingsTest.class);
    }

    @Test
    void theAppWideLoggingLogsTheCallsWithTheKeyMasked() {
        assertEquals("Echo: logged", claude.ask("logged"));
        // the log records are checked once the application stopped: assertLogRecords above
    }

    @Test
    void theAppWideTrustAllLetsTheClientReachAnUntrustedGateway() {
        assertEquals("Echo: trusted by trust-all", gateway.ask("trusted by trust-all"));
        assertTrue(seen().contains("HTTP_1_1 POST /v1/messages"), () -> "through the gateway: " + seen());
    }

    @Test
    void aRedirectIsNotFollowedDespiteTheAppWideSetting() {
        int before = answered();
        ((Runnable) SERVERS.get("redirect")).run();

        UnexpectedResponseException failure = assertThrows(UnexpectedResponseException.class,
                () -> claude.ask("moved"));

        assertEquals(UnexpectedResponseException.Reason.REDIRECT, failure.reason());
        assertEquals(before + 1, answered(), "the redirect's location was never asked");
    }

    private static String format(LogRecord record) {
        return new PatternFormatter("%s").format(record);
    }

    @SuppressWarnings("unchecked")
    private static List<String> seen() {
        return ((Supplier<List<String>>) SERVERS.get("seen")).get();
    }

    private static int answered() {
        return ((IntSupplier) SERVERS.get("answered")).getAsInt();
    }
}
