package io.quarkiverse.claude.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** A connection pool of no connection fails startup, not the first call, naming the property. */
class EmptyConnectionPoolFailsStartupTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(MissingApiKeyFailsStartupTest.UsesClaude.class))
            // no fixed port: other builds on the machine may hold 8081
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.claude.model", "claude-haiku-4-5")
            .overrideRuntimeConfigKey("quarkus.claude.api-key", "sk-ant-api03-secret-for-pool-test")
            .overrideRuntimeConfigKey("quarkus.claude.connection-pool-size", "0")
            .assertException(failure -> assertEquals("quarkus.claude.connection-pool-size=0 leaves no connection:"
                    + " set at least 1, or leave it unset to size the pool to the bulkhead",
                    MissingApiKeyFailsStartupTest.rootConfigurationException(failure).getMessage()));

    @Test
    void startupFails() {
        fail("the application must not start with a connection pool of no connection");
    }
}
