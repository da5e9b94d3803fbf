package io.quarkiverse.claude.deployment.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.LaunchMode;

/** The API-key decisions as plain functions: every launch mode, the override, the sources that are not packaged. */
class ApiKeyCheckTest {

    static final Path APP = Path.of("/srv/app");
    static final String PACKAGED = "PropertiesConfigSource[source=jar:file:///srv/app/app.jar!/application.properties]";

    static ClientSettings client(boolean expression, String source, boolean shaped) {
        return new ClientSettings("<default>", Map.of(),
                new ClientSettings.ApiKeySetting("quarkus.claude.api-key", expression, false, false, source, shaped));
    }

    static List<ConfigProblemBuildItem> check(ClientSettings client, LaunchMode mode, boolean allow) {
        return ApiKeyCheckProcessor.check(client, mode, allow, APP);
    }

    @Test
    void literalInPackagedSourceFailsOnlyTheProductionBuild() {
        ClientSettings literal = client(false, PACKAGED, true);
        assertEquals(1, check(literal, LaunchMode.NORMAL, false).size());
        assertEquals(ConfigProblemBuildItem.Severity.ERROR, check(literal, LaunchMode.NORMAL, false).get(0).severity());
        assertTrue(check(literal, LaunchMode.TEST, false).isEmpty());
        assertTrue(check(literal, LaunchMode.DEVELOPMENT, false).isEmpty());
        assertTrue(check(literal, LaunchMode.NORMAL, true).isEmpty(), "allow-literal-api-key=true");
    }

    @Test
    void expressionsPass() {
        assertTrue(check(client(true, PACKAGED, false), LaunchMode.NORMAL, false).isEmpty());
    }

    @Test
    void aLiteralDefaultOfAnExpressionIsALiteral() {
        ClientSettings fallback = new ClientSettings("<default>", Map.of(), new ClientSettings.ApiKeySetting(
                "quarkus.claude.api-key", true, true, false, PACKAGED, false));
        List<ConfigProblemBuildItem> problems = check(fallback, LaunchMode.NORMAL, false);
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).message().contains("as the default of an expression"));
    }

    @Test
    void keysOfOtherProfilesWarnInTheProductionBuild() {
        ClientSettings.ApiKeySetting dev = new ClientSettings.ApiKeySetting("%dev.quarkus.claude.api-key", false, false,
                false, PACKAGED, true);
        ClientSettings client = new ClientSettings("<default>", Map.of(), null, List.of(dev));
        List<ConfigProblemBuildItem> problems = check(client, LaunchMode.NORMAL, false);
        assertEquals(1, problems.size());
        assertEquals(ConfigProblemBuildItem.Severity.WARNING, problems.get(0).severity());
        assertTrue(problems.get(0).message().startsWith("%dev.quarkus.claude.api-key holds a literal API key in"));
        assertTrue(check(client, LaunchMode.TEST, false).isEmpty());
        assertTrue(check(client, LaunchMode.NORMAL, true).isEmpty());
    }

    @Test
    void oddShapeOnlyWarnsInEveryMode() {
        for (LaunchMode mode : LaunchMode.values()) {
            List<ConfigProblemBuildItem> problems = check(client(false, "EnvConfigSource", false), mode, false);
            assertEquals(1, problems.size(), mode::toString);
            assertEquals(ConfigProblemBuildItem.Severity.WARNING, problems.get(0).severity());
        }
    }

    @Test
    void sourcesReadWhereTheApplicationRunsAreNotPackaged() {
        assertFalse(ApiKeyCheckProcessor.isPackaged("EnvConfigSource", APP));
        assertFalse(ApiKeyCheckProcessor.isPackaged("SysPropConfigSource", APP));
        assertFalse(ApiKeyCheckProcessor.isPackaged("DotEnvConfigSourceProvider[source=file:/srv/app/.env]", APP));
        assertFalse(ApiKeyCheckProcessor.isPackaged(
                "PropertiesConfigSource[source=file:/srv/app/config/application.properties]", APP));
        assertTrue(ApiKeyCheckProcessor.isPackaged(PACKAGED, APP));
        assertTrue(ApiKeyCheckProcessor.isPackaged(
                "PropertiesConfigSource[source=file:/home/me/proj/target/classes/application.properties]", APP));
        assertTrue(ApiKeyCheckProcessor.isPackaged("YamlConfigSource[source=application.yaml]", APP));
    }

    @Test
    void theKeyHasNoValueToLeak() {
        assertFalse(client(false, PACKAGED, true).apiKey().orElseThrow().toString().contains("sk-ant"));
    }
}
