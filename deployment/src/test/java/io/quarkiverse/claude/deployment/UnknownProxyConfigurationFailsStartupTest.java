package io.quarkiverse.claude.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * A client whose {@code proxy-configuration-name} matches no proxy configuration fails startup, before any call,
 * naming the property and the proxy configurations there are.
 */
class UnknownProxyConfigurationFailsStartupTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(MissingApiKeyFailsStartupTest.UsesClaude.class))
            // no fixed port: other builds on the machine may hold 8081
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideRuntimeConfigKey("quarkus.proxy.\"office\".host", "proxy.example.com")
            .overrideRuntimeConfigKey("quarkus.proxy.\"office\".port", "3128")
            .overrideRuntimeConfigKey("quarkus.proxy.\"datacenter\".host", "proxy.dc.example.com")
            .overrideRuntimeConfigKey("quarkus.proxy.\"datacenter\".port", "8080")
            .overrideConfigKey("quarkus.claude.model", "claude-haiku-4-5")
            .overrideRuntimeConfigKey("quarkus.claude.api-key", "sk-ant-api03-secret-for-proxy-test")
            .overrideRuntimeConfigKey("quarkus.claude.proxy-configuration-name", "ofice")
            .assertException(failure -> assertEquals("quarkus.claude.proxy-configuration-name=ofice names no proxy"
                    + " configuration: the named proxy configurations are datacenter, office. Configure it with"
                    + " quarkus.proxy.\"ofice\".host, use none for no proxy, or fix the name.",
                    MissingApiKeyFailsStartupTest.rootConfigurationException(failure).getMessage()));

    @Test
    void startupFails() {
        fail("the application must not start with a proxy configuration name that matches none");
    }
}
