package io.quarkiverse.claude.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Settings read with whitespace around them (a pasted key, a secret file's newline) reach the client without it. */
class TrimmedSettingsTest {

    @Test
    void keyBaseUrlModelVersionAndBetasAreTrimmed() {
        ClaudeClientRuntimeConfig client = mapping(Map.of(
                "quarkus.claude.api-key", "  sk-ant-api03-pasted\n",
                "quarkus.claude.base-url", " http://127.0.0.1:8089 ",
                "quarkus.claude.model", "claude-sonnet-4-6 ",
                "quarkus.claude.anthropic-version", " 2023-06-01",
                "quarkus.claude.betas", " files-api-2025-04-14 , token-efficient-tools-2025-02-19"))
                .client(ClaudeRuntimeConfig.DEFAULT_CLIENT_NAME);

        assertEquals("sk-ant-api03-pasted", client.apiKey().orElseThrow());
        assertEquals("http://127.0.0.1:8089", client.baseUrl());
        assertEquals("claude-sonnet-4-6", client.model().orElseThrow());
        assertEquals("2023-06-01", client.anthropicVersion());
        assertEquals(List.of("files-api-2025-04-14", "token-efficient-tools-2025-02-19"), client.betas().orElseThrow());
    }

    @Test
    void aBlankKeyIsNoKey() {
        ClaudeClientRuntimeConfig client = mapping(Map.of("quarkus.claude.api-key", "   "))
                .client(ClaudeRuntimeConfig.DEFAULT_CLIENT_NAME);

        assertTrue(client.apiKey().isEmpty());
    }

    private static ClaudeRuntimeConfig mapping(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withConverter(MemorySize.class, 200, new MemorySizeConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .withMapping(ClaudeRuntimeConfig.class).build();
        return config.getConfigMapping(ClaudeRuntimeConfig.class);
    }
}
