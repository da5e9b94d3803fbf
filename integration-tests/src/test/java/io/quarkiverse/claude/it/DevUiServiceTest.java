package io.quarkiverse.claude.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.ClaudeClients;
import io.quarkiverse.claude.runtime.config.ClaudeRuntimeConfig;
import io.quarkiverse.claude.runtime.devui.CallRow;
import io.quarkiverse.claude.runtime.devui.ClaudeDevUiService;
import io.quarkiverse.claude.runtime.devui.DevServicesSimulator;
import io.quarkiverse.claude.runtime.devui.RecentCalls;
import io.quarkiverse.claude.testing.Fault;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The JSON-RPC methods behind the Dev UI card, called as the card calls them. */
@QuarkusTest
@TestProfile(DefaultClientProfile.class)
class DevUiServiceTest extends SimulatorTest {

    @Inject
    ClaudeClients clients;

    @Inject
    RecentCalls recentCalls;

    @Inject
    ClaudeRuntimeConfig config;


    ClaudeDevUiService service;

    @BeforeEach
    void setUp() {
        // these tests' simulator is the test resource's: Dev Services started none
        service = new ClaudeDevUiService(clients, recentCalls, config, new DevServicesSimulator(Optional.empty()));
    }

    @Test
    void configShowsEveryClientWithTheKeyRedacted() {
        List<Map<String, String>> rows = service.getConfig();

        Map<String, String> defaultClient = rows.stream().filter(r -> r.get("client").equals("<default>")).findFirst()
                .orElseThrow();
        assertEquals("claude-sonnet-4-6", defaultClient.get("model"));
        assertEquals("2023-06-01", defaultClient.get("anthropicVersion"));
        assertEquals("set (redacted)", defaultClient.get("apiKey"));
        assertEquals("a local endpoint (not Dev Services: a simulator or proxy started apart)",
                defaultClient.get("endpoint"));
        assertTrue(rows.stream().anyMatch(r -> r.get("client").equals("fast")));
        assertFalse(rows.toString().contains("sk-ant-"), "no key, nor any part of one: " + rows);
    }

    @Test
    void aClientOnTheDevServicesSimulatorIsShownAsSuch() {
        ClaudeDevUiService onDevServices = new ClaudeDevUiService(clients, recentCalls, config,
                new DevServicesSimulator(Optional.of(simulator.baseUrl())));

        Map<String, String> defaultClient = onDevServices.getConfig().stream()
                .filter(r -> r.get("client").equals("<default>")).findFirst().orElseThrow();
        assertEquals("the Dev Services simulator", defaultClient.get("endpoint"));
    }

    @Test
    void thePromptOffersTheConfiguredClientsAndRefusesAnUnknownOne() {
        List<String> names = service.getClients();
        assertEquals("<default>", names.get(0));
        assertTrue(names.contains("fast"), names.toString());

        simulator.reset();
        Map<String, Object> error = service.ask("nope", "x").await().atMost(Duration.ofSeconds(10));
        assertEquals("Unknown client", error.get("error"));
        assertEquals("No Claude client is named \"nope\". The configured clients: " + String.join(", ", names)
                + ". A client is configured by its properties, for example quarkus.claude.\"nope\".model.",
                error.get("message"));
        assertTrue(simulator.requests().isEmpty(), "nothing was sent");
    }

    @Test
    void aPromptIsAnsweredAndAnErrorIsShownTyped() {
        Map<String, Object> answer = service.ask("", "hello card").await().atMost(Duration.ofSeconds(10));
        assertEquals("Echo: hello card", answer.get("text"));

        simulator.enqueue(Fault.error(403, "permission_error", "not for you"));
        Map<String, Object> error = service.ask("<default>", "x").await().atMost(Duration.ofSeconds(10));
        assertEquals("PermissionException", error.get("error"));
        assertTrue(error.get("message").toString().contains("not for you"));
    }

    @Test
    void recentCallsAreListedNewestFirstAndStreamedLive() {
        List<CallRow> live = new java.util.concurrent.CopyOnWriteArrayList<>();
        service.streamCalls().subscribe().with(live::add);

        clients.defaultClient().ask("first");
        simulator.enqueue(Fault.overloaded());
        try {
            clients.defaultClient().ask("second");
        } catch (RuntimeException expected) {
            // the table shows failures too
        }

        CallRow newest = service.getRecentCalls().get(0);
        assertEquals("overloaded_error", newest.outcome());
        assertEquals(529, newest.status());
        assertTrue(newest.requestId().startsWith("req_"), newest.requestId());
        CallRow previous = service.getRecentCalls().get(1);
        assertEquals("success", previous.outcome());
        assertTrue(previous.requestId().startsWith("req_"), "a success shows its request id too: " + previous);
        assertTrue(previous.messageId().startsWith("msg_"), previous.messageId());
        assertTrue(previous.outputTokens() > 0);
        assertTrue(previous.costUsd() > 0);
        assertEquals(2, live.size(), "both calls were streamed to the live table");
    }
}
