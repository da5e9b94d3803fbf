package io.quarkiverse.claude.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;

import org.jboss.logmanager.formatters.PatternFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.ClaudeClientName;
import io.quarkiverse.claude.ClaudeClients;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Base URLs set only where the application runs, which the build cannot see: plain http to another machine starts
 * with one warning per client, naming the client's property (and masking a password in the URL), never the key; http to
 * this machine is silent, and allowed even with {@code tls-required}.
 */
class ClearTextBaseUrlWarnsAtStartupTest {

    static final String KEY = "sk-ant-api03-cleartext-Vn4Bq8Zr2";
    private static final PatternFormatter FORMATTER = new PatternFormatter("%s");

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.http.host", "127.0.0.1")
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.claude.devservices.enabled", "false")
            .overrideRuntimeConfigKey("quarkus.claude.api-key", KEY)
            .overrideRuntimeConfigKey("quarkus.claude.base-url", "http://gateway.example.com:8080")
            .overrideRuntimeConfigKey("quarkus.claude.\"proxied\".api-key", KEY)
            .overrideRuntimeConfigKey("quarkus.claude.\"proxied\".base-url", "http://team:proxy-pass@10.1.2.3:3128")
            .overrideRuntimeConfigKey("quarkus.claude.\"local\".api-key", KEY)
            .overrideRuntimeConfigKey("quarkus.claude.\"local\".base-url", "http://127.0.0.1:8089")
            .overrideRuntimeConfigKey("quarkus.claude.\"local\".tls-required", "true")
            .setLogRecordPredicate(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
            .assertLogRecords(records -> {
                List<String> clearText = records.stream().map(FORMATTER::formatMessage)
                        .filter(message -> message.contains("clear text")).toList();
                assertEquals(2, clearText.size(), () -> "one warning per client in clear text: " + clearText);
                String defaultClient = clearText.stream().filter(m -> m.startsWith("quarkus.claude.base-url=")).findFirst()
                        .orElseThrow(() -> new AssertionError("no warning for the default client: " + clearText));
                assertTrue(defaultClient.startsWith("quarkus.claude.base-url=http://gateway.example.com:8080 uses plain"
                        + " http to gateway.example.com"), defaultClient);
                assertTrue(defaultClient.contains("quarkus.claude.tls-required=true"), defaultClient);
                String proxied = clearText.stream().filter(m -> m.startsWith("quarkus.claude.\"proxied\".base-url="))
                        .findFirst().orElseThrow(() -> new AssertionError("no warning for \"proxied\": " + clearText));
                assertTrue(proxied.startsWith("quarkus.claude.\"proxied\".base-url=http://***@10.1.2.3:3128"), proxied);
                assertTrue(proxied.contains("quarkus.claude.\"proxied\".tls-required=true"), proxied);
                for (LogRecord record : records) {
                    String message = FORMATTER.formatMessage(record);
                    assertFalse(message.contains("proxy-pass"), message);
                    assertFalse(message.contains(KEY), message);
                    assertFalse(message.contains("127.0.0.1:8089"), message);
                }
            });

    @Inject
    ClaudeClient claude;

    @Inject
    @ClaudeClientName("proxied")
    ClaudeClient proxied;

    @Inject
    @ClaudeClientName("local")
    ClaudeClient local;

    @Inject
    ClaudeClients clients;

    @Test
    void theClientsStartAndBuild() {
        // each client is built after the startup check, and built once: neither warns again
        assertNotNull(claude.messages());
        assertNotNull(proxied.messages());
        assertNotNull(local.messages());
        assertNotNull(clients.named("local").messages());
    }
}
