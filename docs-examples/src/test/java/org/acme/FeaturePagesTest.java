package org.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.model.Usage;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.ClaudeSimulatorTestResource;
import io.quarkiverse.claude.testing.Fault;
import io.quarkiverse.claude.testing.InjectClaudeSimulator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The Streaming, Tool use, Prompt caching and Message Batches pages: each example does what its page says. */
@QuarkusTest
@QuarkusTestResource(ClaudeSimulatorTestResource.class)
class FeaturePagesTest {

    @InjectClaudeSimulator
    ClaudeSimulator simulator;

    @Inject
    StreamedAnswers streaming;

    @Inject
    WeatherAssistant tools;

    @Inject
    DocumentReview caching;

    @Inject
    OvernightSummaries batches;

    @Test
    void streamedTextArrivesAndAddsUpToTheMessage() {
        simulator.reset();

        assertEquals("Echo: hello there / 3 tokens", streaming.streamToConsole("hello there"));
        assertEquals("Echo: reactive",
                streaming.streamReactively("reactive").await().atMost(Duration.ofSeconds(10)).text());
    }

    @Test
    void theToolLoopAnswersTheModelsCallAndGetsItsFinalAnswer() throws Exception {
        simulator.reset().enqueue(Fault.toolUse("get_weather", "{\"city\":\"Lyon\"}"));

        assertEquals("Echo: 18 degrees and sunny in Lyon", tools.weatherWithTools("Weather in Lyon?"));
        assertEquals(2, simulator.requests("/v1/messages").size());
    }

    @Test
    void theCachedInstructionsAreWrittenOnceAndReadBack() {
        simulator.reset();
        String instructions = "Check every claim. ".repeat(300) + System.nanoTime();

        Usage first = caching.reviewWithCachedInstructions(instructions, "doc one").usage();
        Usage second = caching.reviewWithCachedInstructions(instructions, "doc two").usage();

        assertTrue(first.cacheCreationInputTokens() > 0);
        assertEquals(first.cacheCreationInputTokens(), second.cacheReadInputTokens());
    }

    @Test
    void aBatchIsSummarisedOnceItHasEnded() throws Exception {
        simulator.reset();

        List<String> summaries = batches.summarise(List.of("alpha", "beta"), Duration.ofMillis(50));

        assertEquals(List.of("doc-0: Echo: Summarise: alpha", "doc-1: Echo: Summarise: beta"),
                summaries.stream().sorted().toList());
    }
}
