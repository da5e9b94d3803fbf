package io.quarkiverse.claude.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.jboss.logmanager.formatters.PatternFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.ClaudeClientName;
import io.quarkus.test.QuarkusUnitTest;

/** The simulator serves the default and a named client: its log line says which key of each to set for the real API. */
class DevServicesNameTheServedKeysTest {

    private static final PatternFormatter FORMATTER = new PatternFormatter("%s");

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.http.host", "127.0.0.1")
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.claude.model", "claude-sonnet-4-6")
            .overrideConfigKey("quarkus.claude.\"writer\".model", "claude-haiku-4-5")
            .setLogRecordPredicate(r -> r.getLoggerName().startsWith("io.quarkiverse.claude.deployment.devservices"))
            .assertLogRecords(records -> {
                List<String> started = records.stream().map(FORMATTER::formatMessage)
                        .filter(line -> line.startsWith("Dev Services for Claude started")).toList();
                assertEquals(1, started.size(), started::toString);
                String advice = started.get(0).substring(started.get(0).indexOf(" Set "));
                // the clients come in no particular order
                assertTrue(advice.equals(" Set ANTHROPIC_API_KEY (or quarkus.claude.api-key),"
                        + " quarkus.claude.\"writer\".api-key to use the real API.")
                        || advice.equals(" Set quarkus.claude.\"writer\".api-key,"
                                + " ANTHROPIC_API_KEY (or quarkus.claude.api-key) to use the real API."), advice);
            });

    @Inject
    ClaudeClient claude;

    @Inject
    @ClaudeClientName("writer")
    ClaudeClient writer;

    @Test
    void bothClientsTalkToTheSimulator() {
        assertEquals("Echo: hello", claude.ask("hello"));
        assertEquals("Echo: hello", writer.ask("hello"));
    }
}
