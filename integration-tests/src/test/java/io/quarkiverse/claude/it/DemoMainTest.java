package io.quarkiverse.claude.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * The demo's run command: DemoMain starts its own simulator (no test resource, no Dev Services here), runs the batch
 * under a fault scenario and prints the table. Skipped when ANTHROPIC_API_KEY is set: the run would go to the real API.
 */
@QuarkusMainTest
@TestProfile(DemoMainTest.OwnSimulator.class)
@DisabledIfEnvironmentVariable(named = "ANTHROPIC_API_KEY", matches = ".+")
class DemoMainTest {

    /** Like the packaged run: DemoMain brings the simulator; the demo client keeps the test's short waits. */
    public static class OwnSimulator implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return ProfileConfig.create().with(DefaultClientProfile.DEMO_BATCH)
                    .property("quarkus.claude.devservices.enabled", "false").build();
        }
    }

    @Test
    @Launch({ "--scenario=rate-limited", "--calls=12" })
    void theRunExitsZeroAndPrintsTheTable(LaunchResult result) {
        String out = result.getOutput();
        assertEquals(0, result.exitCode(), out);
        assertTrue(out.contains("using the bundled Claude simulator"), out);
        assertTrue(out.contains("A: Echo: Say hello to the Quarkus community"), out);
        assertTrue(out.contains("RateLimitException       status=429"), "the typed errors are still shown\n" + out);
        assertTrue(out.contains("[12/12]"), "a progress line per call\n" + out);
        assertTrue(out.contains("Simulator scenario: Scenario[rate-limited:"), out);
        assertTrue(out.contains("12 calls, 4 at a time, through the client \"demo\" against the simulator"), out);
        assertTrue(Pattern.compile("(?m)^outcome +calls attempts retried +waited max wait  failed with +tokens in/out"
                + " +cost USD$").matcher(out).find(), "the header\n" + out);
        assertTrue(Pattern.compile("(?m)^200 success +12 +12 ").matcher(out).find(), "every call answered\n" + out);
        Matcher limited = Pattern.compile("(?m)^429 rate_limit_error +\\d+ +(\\d+) +(\\d+) +[0-9.]+ s").matcher(out);
        assertTrue(limited.find(), "429s met, retried after a wait\n" + out);
        assertEquals(limited.group(1), limited.group(2), "every 429 was retried");
        Matcher total = Pattern.compile("(?m)^total +12 +(\\d+) ").matcher(out);
        assertTrue(total.find(), out);
        assertTrue(out.contains("The simulator saw " + total.group(1) + " requests: 12 x 200, "), out);
        assertTrue(out.contains("the client counted " + total.group(1) + " attempts."), out);
        assertFalse(out.contains("Claude API error (client demo"),
                "no WARN retry line between the progress lines: they show each retry\n" + out);
    }

    @Test
    @Launch("--help")
    void helpPrintsTheUsageAndSendsNothing(LaunchResult result) {
        String out = result.getOutput();
        assertTrue(out.contains("Usage: java -jar integration-tests/target/quarkus-app/quarkus-run.jar [options]"), out);
        assertTrue(out.contains("--scenario=NAME"), out);
        assertFalse(out.contains("Q: "), "nothing was sent\n" + out);
    }

    @Test
    @Launch(value = "--scenaro=flaky", exitCode = 2)
    void aMistypedOptionIsNoPrompt(LaunchResult result) {
        String out = result.getOutput();
        assertTrue(out.contains("Unknown option --scenaro=flaky"), out);
        assertTrue(out.contains("Usage: "), out);
        assertFalse(out.contains("Q: "), "nothing was sent\n" + out);
    }

    @Test
    @Launch(value = "--scenario=sideways", exitCode = 2)
    void anUnknownScenarioIsNamedWithTheValidOnes(LaunchResult result) {
        String out = result.getOutput();
        assertTrue(out.contains("valid names: normal, rate-limited, overloaded, flaky, slow"), out);
        assertFalse(out.contains("Q: "), "nothing was sent\n" + out);
    }
}
