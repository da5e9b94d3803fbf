package io.quarkiverse.claude.deployment.checks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.runtime.catalogue.ModelCatalogue;

/** The model, version, base-url and property-name decisions as plain functions. */
class ChecksAsFunctionsTest {

    static ClientSettings client(String... keyValues) {
        Map<String, ClientSettings.Setting> settings = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            settings.put(keyValues[i], new ClientSettings.Setting("quarkus.claude." + keyValues[i], keyValues[i + 1]));
        }
        return new ClientSettings("<default>", settings, null);
    }

    static final ModelCatalogue CATALOGUE = ModelCatalogue.load();

    @Test
    void clientNamesComeOnlyFromClientKeys() {
        assertArrayEquals(new String[] { "<default>", "model" }, ConfigReader.clientAndKey("model"));
        assertArrayEquals(new String[] { "<default>", "model-check" }, ConfigReader.clientAndKey("model-check"));
        assertArrayEquals(new String[] { "a.b", "model" }, ConfigReader.clientAndKey("\"a.b\".model"));
        assertArrayEquals(new String[] { "fast", "max-tokens" }, ConfigReader.clientAndKey("fast.max-tokens"));
        assertNull(ConfigReader.clientAndKey("\"broken"));
        assertFalse(ConfigReader.CLIENT_KEYS.contains("model-check"));
        assertFalse(ConfigReader.CLIENT_KEYS.contains("extra-models"));
        assertFalse(ConfigReader.CLIENT_KEYS.contains("allow-literal-api-key"));
    }

    @Test
    void modelCheckFailWarnAndExtraModels() {
        ClientSettings unknown = client("model", "claude-sonnet-9");
        assertEquals(ConfigProblemBuildItem.Severity.ERROR,
                new ModelCheckProcessor.ModelChecks(CATALOGUE, List.of(), true).check(unknown).get(0).severity());
        assertEquals(ConfigProblemBuildItem.Severity.WARNING,
                new ModelCheckProcessor.ModelChecks(CATALOGUE, List.of(), false).check(unknown).get(0).severity());
        assertTrue(new ModelCheckProcessor.ModelChecks(CATALOGUE, List.of(" claude-sonnet-9"), true).check(unknown)
                .isEmpty());
        assertEquals(1, new ModelCheckProcessor.ModelChecks(CATALOGUE, List.of("claude-opus-4"), true)
                .check(client("model", "claude-opus-4")).size(), "extra-models does not revive a retired model");
        assertTrue(new ModelCheckProcessor.ModelChecks(CATALOGUE, List.of(), true)
                .check(client("model", "claude-opus-5-5", "max-tokens", "128000")).isEmpty());
        assertEquals(1, new ModelCheckProcessor.ModelChecks(CATALOGUE, List.of(), true)
                .check(client("model", "claude-opus-5-5", "max-tokens", "128001")).size());
    }

    @Test
    void versions() {
        for (String version : List.of("2023-06-01", "2023-01-01", "2026-10-21")) {
            assertTrue(VersionCheckProcessor.check(client("anthropic-version", version)).isEmpty(), version);
        }
        assertTrue(VersionCheckProcessor.check(client("anthropic-version", "2023-06-01", "top-p", "0.9")).isEmpty());
        assertEquals(3, VersionCheckProcessor
                .check(client("anthropic-version", "2026-10-21", "temperature", "1", "top-p", "0.9", "top-k", "3"))
                .size());
    }

    @Test
    void baseUrls() {
        assertTrue(BaseUrlCheckProcessor.check(client("base-url", "https://api.anthropic.com")).isEmpty());
        assertTrue(BaseUrlCheckProcessor.check(client("base-url", "http://localhost:8089")).isEmpty());
        assertTrue(BaseUrlCheckProcessor.check(client("base-url", "http://[::1]:8089")).isEmpty());
        assertTrue(BaseUrlCheckProcessor.check(client("base-url", "http://127.0.0.2")).isEmpty());
        assertEquals(ConfigProblemBuildItem.Severity.WARNING,
                BaseUrlCheckProcessor.check(client("base-url", "http://10.0.0.5")).orElseThrow().severity());
        assertEquals(ConfigProblemBuildItem.Severity.ERROR,
                BaseUrlCheckProcessor.check(client("base-url", "api.anthropic.com")).orElseThrow().severity());
        String masked = BaseUrlCheckProcessor.check(client("base-url", "http://user:secret@proxy.example.com"))
                .orElseThrow().message();
        assertFalse(masked.contains("secret"), masked);
    }
}
