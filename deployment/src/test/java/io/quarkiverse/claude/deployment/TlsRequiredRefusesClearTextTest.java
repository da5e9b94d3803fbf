package io.quarkiverse.claude.deployment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code tls-required}: a base URL with plain http to another machine, set only where the application runs, fails
 * startup, naming the property, the setting that refuses it and the fix, never the key.
 */
class TlsRequiredRefusesClearTextTest {

    static final String KEY = "sk-ant-api03-tlsrequired-Xe7Pw3Hs9";

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(MissingApiKeyFailsStartupTest.UsesClaude.class))
            .overrideConfigKey("quarkus.http.host", "127.0.0.1")
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.claude.devservices.enabled", "false")
            .overrideRuntimeConfigKey("quarkus.claude.api-key", KEY)
            .overrideRuntimeConfigKey("quarkus.claude.tls-required", "true")
            .overrideRuntimeConfigKey("quarkus.claude.base-url", "http://gateway.example.com:8080")
            .assertException(failure -> {
                String message = MissingApiKeyFailsStartupTest.rootConfigurationException(failure).getMessage();
                for (String part : new String[] { "quarkus.claude.base-url=http://gateway.example.com:8080",
                        "quarkus.claude.tls-required=true", "Use an https:// URL", "or remove quarkus.claude.tls-required" }) {
                    assertTrue(message.contains(part), () -> "expected <" + part + "> in: " + message);
                }
                assertFalse(message.contains(KEY), message);
            });

    @Test
    void startupFails() {
        fail("the application must not start with a base URL in clear text and tls-required");
    }
}
