package io.quarkiverse.claude.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.ClaudeClientName;
import io.quarkiverse.claude.ClaudeClients;
import io.quarkiverse.claude.errors.InvalidRequestException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Clients with no property at all, the default one and named ones, injected ({@code "bare"}) or only named at runtime
 * ({@code "spare"}), have every documented default: the key from {@code ANTHROPIC_API_KEY} (set here through the
 * configuration, where the default {@code ${ANTHROPIC_API_KEY:}} reads the environment variable too), no model. The
 * application starts, because the injected ones have a key.
 */
class UnconfiguredClientsGetTheirDefaultsTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.claude.devservices.enabled", "false")
            .overrideRuntimeConfigKey("ANTHROPIC_API_KEY", "sk-ant-api03-unconfigured-test-key");

    @Inject
    ClaudeClient claude;

    @Inject
    @ClaudeClientName("bare")
    ClaudeClient bare;

    @Inject
    ClaudeClients clients;

    @Test
    void theInjectedClientIsTheOneOfItsName() {
        assertEquals("bare", bare.name());
        assertSame(bare, clients.named("bare"));
    }

    @Test
    void theDefaultClientHasItsDefaultsToo() {
        assertSame(claude, clients.defaultClient());
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> claude.ask("hi"));
        assertTrue(e.getMessage().contains("set quarkus.claude.model "), e.getMessage());
    }

    @Test
    void itHasNoModelOfItsOwn() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> bare.ask("hi"));
        assertTrue(e.getMessage().contains("quarkus.claude.\"bare\".model"), e.getMessage());
    }

    @Test
    void aNameNothingInjectsGetsItsDefaultsOnFirstUse() {
        // without a key, this would throw the ConfigurationException that names quarkus.claude."spare".api-key
        ClaudeClient spare = clients.named("spare");
        assertEquals("spare", spare.name());
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> spare.ask("hi"));
        assertTrue(e.getMessage().contains("quarkus.claude.\"spare\".model"), e.getMessage());
        assertSame(spare, clients.named("spare"));
    }
}
