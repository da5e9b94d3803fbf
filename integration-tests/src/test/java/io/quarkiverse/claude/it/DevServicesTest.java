package io.quarkiverse.claude.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The app as a user has it, with no test resource: its {@code quarkus.claude.api-key=${ANTHROPIC_API_KEY}} has no
 * variable behind it, so Dev Services start the simulator and the client talks to it.
 */
@QuarkusTest
@TestProfile(DevServicesTest.NoTestResource.class)
class DevServicesTest {

    /** The app's own configuration only: no simulator of a test resource (the probe of Dev Services starts none). */
    public static class NoTestResource implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DevServicesSeen.class));
        }
    }

    @Inject
    ClaudeClient claude;

    @Test
    void theSimulatorAnswersWithoutAnyClaudeConfiguration() {
        String baseUrl = ConfigProvider.getConfig().getValue("quarkus.claude.base-url", String.class);

        assertTrue(baseUrl.startsWith("http://127.0.0.1:"), baseUrl);
        assertTrue(ConfigProvider.getConfig().getValue(DevServicesSeen.PROPERTY, String.class)
                .contains("quarkus.claude.base-url"), "the simulator is the Dev Services'");
        assertEquals("Echo: hello Dev Services", claude.ask("hello Dev Services"));
    }
}
