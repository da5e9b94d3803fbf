package io.quarkiverse.claude.runtime.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.ConfigurationException;

class NamespaceTest {

    static final String KEY = "sk-ant-api03-Zq81LmWx0pRt55Yb";
    static final String URL = "https://api.anthropic.com";

    @Test
    void theDefaultPrefixIsTheClientAndAnIdOfKeyAndUrlThatRevealsNoPartOfTheKey() {
        Namespace namespace = Namespace.of("summaries", Optional.empty(), KEY, URL);

        assertTrue(namespace.prefix().matches("summaries:[0-9a-f]{12}"), namespace.prefix());
        assertEquals(List.of("pause", "budget", "circuit", "trial", "flight").stream()
                .map(k -> "quarkus-claude:{" + namespace.prefix() + "}:" + k).toList(), namespace.keys());
        String secret = KEY.substring("sk-ant-api03-".length());
        for (int i = 0; i + 4 <= secret.length(); i++) {
            assertFalse(namespace.prefix().contains(secret.substring(i, i + 4)), namespace.prefix());
        }
    }

    @Test
    void replicasWithTheSameKeyAndUrlShareAndOtherEnvironmentsDoNot() {
        String prefix = Namespace.of("summaries", Optional.empty(), KEY, URL).prefix();

        assertEquals(prefix, Namespace.of("summaries", Optional.empty(), KEY, URL).prefix());
        assertNotEquals(prefix, Namespace.of("summaries", Optional.empty(), KEY + "x", URL).prefix());
        assertNotEquals(prefix, Namespace.of("summaries", Optional.empty(), KEY, "https://gateway.internal").prefix());
        assertEquals("default", Namespace.of("<default>", Optional.empty(), KEY, URL).prefix().split(":")[0]);
    }

    @Test
    void aConfiguredPrefixIsTakenAsItIsButNotWithBraces() {
        assertEquals("orders-prod", Namespace.of("summaries", Optional.of("orders-prod"), KEY, URL).prefix());

        ConfigurationException failure = assertThrows(ConfigurationException.class,
                () -> Namespace.of("summaries", Optional.of("a{b}"), KEY, URL));
        assertTrue(failure.getMessage().contains("quarkus.claude.\"summaries\".shared-limits.key-prefix"),
                failure.getMessage());
    }
}
