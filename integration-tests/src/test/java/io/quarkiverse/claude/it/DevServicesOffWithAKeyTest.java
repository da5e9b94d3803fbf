package io.quarkiverse.claude.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With a key set, Dev Services stay off: the client keeps the real API's URL. */
@QuarkusTest
@TestProfile(DevServicesOffWithAKeyTest.WithAKey.class)
class DevServicesOffWithAKeyTest {

    /** A key, as ANTHROPIC_API_KEY would give one, and no test resource. */
    public static class WithAKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.claude.api-key", "sk-ant-api03-a-real-looking-key");
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    void noSimulatorIsStarted() {
        assertEquals("https://api.anthropic.com",
                ConfigProvider.getConfig().getValue("quarkus.claude.base-url", String.class));
    }
}
