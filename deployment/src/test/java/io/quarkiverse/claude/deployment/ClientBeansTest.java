package io.quarkiverse.claude.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.ClaudeClientName;
import io.quarkiverse.claude.ClaudeClients;
import io.quarkiverse.claude.runtime.rest.ClaudeRestApi;
import io.quarkus.test.QuarkusUnitTest;

/** The beans a user injects: default, named, raw REST interface, and the programmatic registry. */
class ClientBeansTest {

    static final String KEY = "sk-ant-api03-beans-test-secret";

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.claude.api-key", KEY)
            .overrideConfigKey("quarkus.claude.\"fast\".api-key", KEY)
            .overrideConfigKey("quarkus.claude.\"fast\".model", "claude-haiku-4-5");

    @Inject
    ClaudeClient claude;

    @Inject
    @ClaudeClientName("fast")
    ClaudeClient fast;

    @Inject
    @RestClient
    ClaudeRestApi rest;

    @Inject
    @RestClient
    @ClaudeClientName("fast")
    ClaudeRestApi fastRest;

    @Inject
    ClaudeClients clients;

    @Test
    void eachNameIsItsOwnClient() {
        assertEquals("<default>", claude.name());
        assertEquals("fast", fast.name());
        assertNotSame(claude, fast);
        assertSame(claude, clients.defaultClient());
        assertSame(fast, clients.named("fast"));
        assertNotSame(rest, fastRest);
    }

    @Test
    void toStringNeverShowsTheKey() {
        assertFalse(claude.toString().contains(KEY));
        assertFalse(rest.toString().contains(KEY));
    }
}
