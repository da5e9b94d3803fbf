package io.quarkiverse.claude.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.model.CacheControl;
import io.quarkiverse.claude.model.Message;
import io.quarkiverse.claude.model.MessageAccumulator;
import io.quarkiverse.claude.model.MessageParam;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.model.TextBlock;
import io.quarkiverse.claude.model.ThinkingBlock;
import io.quarkiverse.claude.model.ThinkingConfig;
import io.quarkiverse.claude.model.Usage;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Prompt caching reported in usage, and extended thinking round-tripped. */
@QuarkusTest
@TestProfile(DefaultClientProfile.class)
class CachingAndThinkingTest extends SimulatorTest {

    private static final String LONG_SYSTEM = "You are a meticulous reviewer. ".repeat(200);

    @Inject
    ClaudeClient claude;



    @Test
    void cachedSystemPromptIsWrittenThenRead() {
        MessageRequest request = MessageRequest.builder()
                .system(List.of(new TextBlock(LONG_SYSTEM + System.nanoTime())
                        .withCacheControl(CacheControl.ephemeral("1h"))))
                .addUserMessage("Review this").build();

        Usage first = claude.messages().create(request).usage();
        Usage second = claude.messages().create(request).usage();

        JsonNode sent = simulator.lastRequest().json();
        assertEquals("ephemeral", sent.at("/system/0/cache_control/type").asText());
        assertEquals("1h", sent.at("/system/0/cache_control/ttl").asText());
        assertTrue(first.cacheCreationInputTokens() > 0, first.toString());
        assertEquals(0, first.cacheReadInputTokens(), first.toString());
        assertEquals(first.cacheCreationInputTokens(), second.cacheReadInputTokens(), second.toString());
        assertEquals(0, second.cacheCreationInputTokens(), second.toString());
    }

    @Test
    void thinkingBlocksComeBackAndGoBackUnchanged() {
        MessageRequest request = MessageRequest.builder().maxTokens(4096).thinking(ThinkingConfig.enabled(2048))
                .addUserMessage("Think first").build();

        Message answer = claude.messages().create(request);

        ThinkingBlock thinking = assertInstanceOf(ThinkingBlock.class, answer.content().get(0));
        assertTrue(thinking.signature() != null && !thinking.signature().isBlank());
        assertEquals(2048, simulator.lastRequest().json().at("/thinking/budget_tokens").asInt());

        claude.messages().create(request.toBuilder().addMessage(MessageParam.of(answer))
                .addUserMessage("And now?").build());
        JsonNode resent = simulator.lastRequest().json().at("/messages/1/content/0");
        assertEquals("thinking", resent.get("type").asText());
        assertEquals(thinking.thinking(), resent.get("thinking").asText());
        assertEquals(thinking.signature(), resent.get("signature").asText());
    }

    @Test
    void streamedThinkingIsAccumulatedWithItsSignature() {
        MessageRequest request = MessageRequest.builder().maxTokens(4096).thinking(ThinkingConfig.enabled(1024))
                .addUserMessage("Think while streaming").build();

        Message streamed = claude.messages().stream(request)
                .collect().in(MessageAccumulator::new, MessageAccumulator::accept)
                .await().atMost(Duration.ofSeconds(10)).message();
        Message whole = claude.messages().create(request);

        ThinkingBlock fromStream = assertInstanceOf(ThinkingBlock.class, streamed.content().get(0));
        ThinkingBlock fromWhole = assertInstanceOf(ThinkingBlock.class, whole.content().get(0));
        assertEquals(fromWhole.thinking(), fromStream.thinking());
        assertEquals(fromWhole.signature(), fromStream.signature());
        assertEquals(whole.text(), streamed.text());
    }
}
