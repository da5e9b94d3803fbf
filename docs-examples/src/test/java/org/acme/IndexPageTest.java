package org.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.model.Message;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.model.ModelPage;
import io.quarkiverse.claude.model.PageParams;
import io.quarkiverse.claude.model.RateLimits;
import io.quarkiverse.claude.model.StopReason;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.ClaudeSimulatorTestResource;
import io.quarkiverse.claude.testing.InjectClaudeSimulator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/** The main page's usage examples, with the first application's application.properties alone. */
@QuarkusTest
@QuarkusTestResource(ClaudeSimulatorTestResource.class)
class IndexPageTest {

    @InjectClaudeSimulator
    ClaudeSimulator simulator;

    @Inject
    ClaudeClient claude;

    @Test
    void theUsageExamplesDoWhatTheirCommentsSay() {
        simulator.reset();

        String haiku = claude.ask("Write a haiku about Quarkus");

        Message message = claude.messages().create(MessageRequest.builder()
                .system("You answer in French.")
                .addUserMessage("What is Quarkus?")
                .maxTokens(2048)
                .build());
        message.text();           // the text blocks, joined
        message.usage();          // input, output, cache write and cache read tokens
        message.stopReason();     // END_TURN, MAX_TOKENS, TOOL_USE, PAUSE_TURN, REFUSAL, … or an unknown one as sent

        Uni<Message> later = claude.messages().createAsync(MessageRequest.of("Hi"));
        long tokens = claude.messages().countTokens(MessageRequest.of("Hi")).inputTokens();
        ModelPage models = claude.models().list(PageParams.first(20));
        RateLimits limits = claude.lastRateLimits();

        assertEquals("Echo: Write a haiku about Quarkus", haiku);
        assertEquals("Echo: What is Quarkus?", message.text());
        assertTrue(message.usage().outputTokens() > 0);
        assertEquals(StopReason.END_TURN, message.stopReason());
        assertEquals("Echo: Hi", later.await().atMost(Duration.ofSeconds(10)).text());
        assertTrue(tokens > 0);
        assertFalse(models.data().isEmpty());
        assertTrue(limits.isPresent());
    }
}
