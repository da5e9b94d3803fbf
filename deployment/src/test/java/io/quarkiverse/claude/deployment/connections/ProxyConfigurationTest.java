package io.quarkiverse.claude.deployment.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.ClaudeClientName;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code proxy-configuration-name}: a client goes through the proxy its named configuration describes (with its
 * credentials), one without the setting through the application's default proxy ({@code quarkus.proxy.*}), one with
 * {@code none} straight to the API, and one whose proxy configuration lists the API's host in
 * {@code non-proxy-hosts} straight to it too. Each proxy is a relay that records the requests it forwards.
 */
class ProxyConfigurationTest {

    static final Map<String, Object> SERVERS = SharedServers.of(ProxyConfigurationTest.class, () -> {
        ClaudeSimulator simulator = ClaudeSimulator.start();
        Relay corporate = Relay.http(simulator.baseUrl());
        Relay appDefault = Relay.http(simulator.baseUrl());
        return Map.of("api", simulator.baseUrl(),
                "corporatePort", String.valueOf(corporate.port()),
                "defaultPort", String.valueOf(appDefault.port()),
                "corporate", (Supplier<List<String>>) corporate::seen,
                "default", (Supplier<List<String>>) appDefault::seen,
                "answered", (IntSupplier) () -> simulator.requests().size(),
                "stop", (Runnable) () -> {
                    corporate.close();
                    appDefault.close();
                    simulator.close();
                });
    });
    static final String API = (String) SERVERS.get("api");

    @RegisterExtension
    static final QuarkusUnitTest app = application();

    static QuarkusUnitTest application() {
        QuarkusUnitTest app = new QuarkusUnitTest()
                .withApplicationRoot(jar -> jar.addClasses(SharedServers.class, Relay.class))
                // no fixed port: other builds on the machine may hold 8081
                .overrideConfigKey("quarkus.http.test-port", "0")
                // the simulator is started by the test; Dev Services would start another, unused
                .overrideConfigKey("quarkus.claude.devservices.enabled", "false")
                .overrideRuntimeConfigKey("quarkus.proxy.host", "127.0.0.1")
                .overrideRuntimeConfigKey("quarkus.proxy.port", (String) SERVERS.get("defaultPort"))
                .overrideRuntimeConfigKey("quarkus.proxy.\"corporate\".host", "127.0.0.1")
                .overrideRuntimeConfigKey("quarkus.proxy.\"corporate\".port", (String) SERVERS.get("corporatePort"))
                .overrideRuntimeConfigKey("quarkus.proxy.\"corporate\".username", "claude-app")
                .overrideRuntimeConfigKey("quarkus.proxy.\"corporate\".password", "proxy-secret")
                .overrideRuntimeConfigKey("quarkus.proxy.\"bypassing\".host", "127.0.0.1")
                .overrideRuntimeConfigKey("quarkus.proxy.\"bypassing\".port", (String) SERVERS.get("corporatePort"))
                .overrideRuntimeConfigKey("quarkus.proxy.\"bypassing\".non-proxy-hosts", "example.com,127.0.0.1");
        client(app, "quarkus.claude.", "corporate");
        client(app, "quarkus.claude.\"unset\".", null);
        client(app, "quarkus.claude.\"direct\".", "none");
        client(app, "quarkus.claude.\"bypassed\".", "bypassing");
        return app;
    }

    @Inject
    ClaudeClient corporate;

    @Inject
    @ClaudeClientName("unset")
    ClaudeClient unset;

    @Inject
    @ClaudeClientName("direct")
    ClaudeClient direct;

    @Inject
    @ClaudeClientName("bypassed")
    ClaudeClient bypassed;

    @AfterAll
    static void stop() {
        SharedServers.stop(ProxyConfigurationTest.class);
    }

    @Test
    void theNamedProxyCarriesTheCallWithItsCredentials() {
        Counts before = counts();

        assertEquals("Echo: via the corporate proxy", corporate.ask("via the corporate proxy"));

        String credentials = Base64.getEncoder()
                .encodeToString("claude-app:proxy-secret".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("HTTP_1_1 POST " + API + "/v1/messages proxy-authorization=Basic " + credentials),
                since(before.corporate, "corporate"),
                "an absolute-form request, as a client sends it to an HTTP proxy");
        assertEquals(before.appDefault, seen("default").size(), "not the application's default proxy");
        assertEquals(before.answered + 1, answered());
    }

    @Test
    void withoutTheSettingTheApplicationsDefaultProxyApplies() {
        Counts before = counts();

        assertEquals("Echo: via the default proxy", unset.ask("via the default proxy"));

        assertEquals(List.of("HTTP_1_1 POST " + API + "/v1/messages"), since(before.appDefault, "default"));
        assertEquals(before.corporate, seen("corporate").size());
    }

    @Test
    void noneGoesStraightToTheApi() {
        Counts before = counts();

        assertEquals("Echo: direct", direct.ask("direct"));

        assertEquals(before.corporate, seen("corporate").size());
        assertEquals(before.appDefault, seen("default").size());
        assertEquals(before.answered + 1, answered());
    }

    @Test
    void aHostInNonProxyHostsIsReachedDirectly() {
        Counts before = counts();

        assertEquals("Echo: bypassed", bypassed.ask("bypassed"));

        assertEquals(before.corporate, seen("corporate").size(), "127.0.0.1, second in the list, is not proxied");
        assertEquals(before.appDefault, seen("default").size());
        assertEquals(before.answered + 1, answered());
    }

    private static void client(QuarkusUnitTest app, String prefix, String proxyName) {
        SharedServers.simulatorClient(app, prefix, API);
        if (proxyName != null) {
            app.overrideRuntimeConfigKey(prefix + "proxy-configuration-name", proxyName);
        }
    }

    private record Counts(int corporate, int appDefault, int answered) {
    }

    private static Counts counts() {
        return new Counts(seen("corporate").size(), seen("default").size(), answered());
    }

    private static List<String> since(int from, String proxy) {
        List<String> seen = seen(proxy);
        return seen.subList(from, seen.size());
    }

    @SuppressWarnings("unchecked")
    private static List<String> seen(String proxy) {
        return ((Supplier<List<String>>) SERVERS.get(proxy)).get();
    }

    private static int answered() {
        return ((IntSupplier) SERVERS.get("answered")).getAsInt();
    }
}
