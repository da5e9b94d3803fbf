package io.quarkiverse.claude.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** With a key configured, no simulator starts: the client keeps the real API's base URL. */
class DevServicesStayOffWithAKeyTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.claude.api-key", "sk-ant-api03-devservices-off-test")
            .overrideConfigKey("quarkus.claude.model", "claude-sonnet-4-6");

    @Test
    void baseUrlIsTheRealApi() {
        assertEquals("https://api.anthropic.com",
                ConfigProvider.getConfig().getValue("quarkus.claude.base-url", String.class));
    }
}
