package io.quarkiverse.claude.deployment;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.ClaudeClientName;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A client whose {@code tls-configuration-name} matches no TLS configuration fails startup, before any call, naming the
 * property and the TLS configurations there are.
 */
class UnknownTlsConfigurationFailsStartupTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(UsesSummaries.class))
            // no fixed port: other builds on the machine may hold 8081
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideRuntimeConfigKey("quarkus.tls.\"corporate-ca\".trust-all", "true")
            .overrideRuntimeConfigKey("quarkus.tls.\"partner-ca\".trust-all", "true")
            .overrideConfigKey("quarkus.claude.\"summaries\".model", "claude-haiku-4-5")
            .overrideRuntimeConfigKey("quarkus.claude.\"summaries\".api-key", "sk-ant-api03-secret-for-tls-test")
            .overrideRuntimeConfigKey("quarkus.claude.\"summaries\".base-url", "https://gateway.example.com")
            .overrideRuntimeConfigKey("quarkus.claude.\"summaries\".tls-configuration-name", "corprate-ca")
            .assertException(failure -> {
                String message = MissingApiKeyFailsStartupTest.rootConfigurationException(failure).getMessage();
                assertTrue(message.startsWith("quarkus.claude.\"summaries\".tls-configuration-name=corprate-ca names no"
                        + " TLS configuration: the named TLS configurations are corporate-ca, partner-ca."), message);
                assertTrue(message.contains("quarkus.tls.\"corprate-ca\".*"), message);
                assertTrue(!message.contains("sk-ant-api03-secret"), message);
            });

    @Test
    void startupFails() {
        fail("the application must not start with a TLS configuration name that matches none");
    }

    @ApplicationScoped
    static class UsesSummaries {
        @Inject
        @ClaudeClientName("summaries")
        ClaudeClient summaries;
    }
}
