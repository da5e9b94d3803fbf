package io.quarkiverse.claude.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.errors.InvalidRequestException;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.testing.Fault;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The client reads its configuration once, when it is built, never on the call path: once a client has made its
 * first calls, no call of any kind (blocking, {@code Uni}, streamed, token counts, failed) looks a property up. A
 * lookup per call costs a walk through every configuration source and interceptor, and kept the JIT busy.
 */
@QuarkusTest
@TestProfile(DefaultClientProfile.class)
class NoConfigurationOnTheCallPathTest extends SimulatorTest {

    @Inject
    ClaudeClient claude;

    @Test
    void theRecordSeesALookupOfTheApplication() {
        ConfigLookups.arm();
        ConfigProvider.getConfig().getOptionalValue("quarkus.claude.model", String.class);
        assertTrue(ConfigLookups.disarm().contains("quarkus.claude.model"),
                "the recording source is asked first, so the other test's empty record means something");
    }

    @Test
    void callsOfEveryKindLookNothingUp() {
        callsOfEveryKind(); // the client's first calls may build what it builds lazily

        ConfigLookups.arm();
        List<String> lookedUp;
        try {
            for (int i = 0; i < 5; i++) {
                callsOfEveryKind();
            }
        } finally {
            lookedUp = ConfigLookups.disarm();
        }

        assertEquals(List.of(), lookedUp.stream().distinct().collect(Collectors.toList()),
                "properties looked up by the calls of a client already used");
    }

    private void callsOfEveryKind() {
        MessageRequest request = MessageRequest.of("Hello");
        assertEquals("Echo: Hello", claude.ask("Hello"));
        assertEquals("Echo: Hello", claude.messages().create(request).text());
        assertEquals("Echo: Hello",
                claude.messages().createAsync(request).await().atMost(Duration.ofSeconds(10)).text());
        assertFalse(claude.messages().stream(request).collect().asList().await().atMost(Duration.ofSeconds(10))
                .isEmpty());
        assertEquals("Echo: Hello", claude.messages().stream(request, text -> {
        }).text());
        try (var events = claude.messages().streamEvents(request)) {
            assertTrue(events.count() > 0);
        }
        assertTrue(claude.messages().countTokens(request).inputTokens() > 0);

        simulator.enqueue(Fault.error(400, "invalid_request_error", "messages: bad"));
        assertThrows(InvalidRequestException.class, () -> claude.messages().create(request));
    }
}
