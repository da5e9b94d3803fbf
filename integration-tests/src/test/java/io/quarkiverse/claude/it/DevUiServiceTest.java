package io.quarkiverse.claude.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.ClaudeClients;
import io.quarkiverse.claude.runtime.config.ClaudeRuntimeConfig;
import io.quarkiverse.claude.runtime.devui.CallRow;
import io.quarkiverse.claude.runtime.devui.ClaudeDevUiService;
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
        service = new ClaudeDevUiService(clients, recentCalls, config);
    }

    @Test
    void configShowsEveryClientWithTheKeyRedacted() {
        List<Map<String, String>> rows = service.getConfig();

        Map<String, String> defaultClient = rows.stream().filter(r -> r.get("client").equals("<default>")).findFirst()
                .orElseThrow();
        assertEquals("claude-sonnet-4-6", defaultClient.get("model"));
        assertEquals("2023-06-01", defaultClient.get("anthropicVersion"));
        assertEquals("set (redacted)", defaultClient.get("apiKey"));
        assertTrue(defaultClient.get("endpoint").contains("local"), defaultClient.toString());
        assertTrue(rows.stream().anyMatch(r -> r.get("client").equals("fast")));
        assertFalse(rows.toString().contains("sk-ant-"), "no key, nor any part of one: " + rows);
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
        assertTrue(newest.requestId().startsWith("req_"));
        CallRow previous = service.getRecentCalls().get(1);
        assertEquals("success", previous.outcome());
        assertTrue(previous.outputTokens() > 0);
        assertTrue(previous.costUsd() > 0);
        assertEquals(2, live.size(), "both calls were streamed to the live table");
    }
}
