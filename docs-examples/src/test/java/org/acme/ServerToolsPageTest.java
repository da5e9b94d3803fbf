package org.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.ClaudeSimulatorTestResource;
import io.quarkiverse.claude.testing.InjectClaudeSimulator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The "Server tools and citations" section of the Tool use page: each example does what the page says. */
@QuarkusTest
@QuarkusTestResource(ClaudeSimulatorTestResource.class)
class ServerToolsPageTest {

    @InjectClaudeSimulator
    ClaudeSimulator simulator;

    @Inject
    WebResearch research;

    @Test
    void theAnswerComesWithTheSearchedPagesItCites() {
        simulator.reset();

        String answer = research.answerWithSources("What is new in Quarkus?");

        assertEquals("""
                Echo: What is new in Quarkus?
                Source: Result 1 for: What is new in Quarkus? <https://quarkus.io/result-1>
                Searches: 1""", answer);
        assertEquals("web_search_20250305", simulator.lastRequest().json().at("/tools/0/type").asText());
        assertEquals(3, simulator.lastRequest().json().at("/tools/0/max_uses").asInt());
    }

    @Test
    void theDocumentsCitedPassagesComeBack() {
        simulator.reset();

        List<String> passages = research.citedPassages("Refunds take five days. Shipping is free.",
                "How long do refunds take?");

        assertEquals(List.of("Refunds take five days."), passages);
        assertEquals(true, simulator.lastRequest().json().at("/messages/0/content/0/citations/enabled").asBoolean());
    }
}
