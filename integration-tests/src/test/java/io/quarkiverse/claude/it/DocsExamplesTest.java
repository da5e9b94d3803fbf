package io.quarkiverse.claude.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.model.Usage;
import io.quarkiverse.claude.testing.Fault;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The docs' examples do what the pages say. */
@QuarkusTest
@TestProfile(DefaultClientProfile.class)
class DocsExamplesTest extends SimulatorTest {

    @Inject
    DocsExamples examples;



    @Test
    void streaming() {
        assertEquals("Echo: hello there / 3 tokens", examples.streamToConsole("hello there"));
        assertEquals("Echo: reactive", examples.streamReactively("reactive").await().atMost(Duration.ofSeconds(10))
                .text());
    }

    @Test
    void toolLoop() throws Exception {
        simulator.enqueue(Fault.toolUse("get_weather", "{\"city\":\"Lyon\"}"));

        assertEquals("Echo: 18 degrees and sunny in Lyon", examples.weatherWithTools("Weather in Lyon?"));
        assertEquals(2, simulator.requests("/v1/messages").size());
    }

    @Test
    void caching() {
        String instructions = "Check every claim. ".repeat(300) + System.nanoTime();
        Usage first = examples.reviewWithCachedInstructions(instructions, "doc one").usage();
        Usage second = examples.reviewWithCachedInstructions(instructions, "doc two").usage();
        assertTrue(first.cacheCreationInputTokens() > 0);
        assertEquals(first.cacheCreationInputTokens(), second.cacheReadInputTokens());
    }

    @Test
    void batches() throws Exception {
        List<String> summaries = examples.summariseOvernight(List.of("alpha", "beta"));
        assertEquals(List.of("doc-0: Echo: Summarise: alpha", "doc-1: Echo: Summarise: beta"),
                summaries.stream().sorted().toList());
    }
}
