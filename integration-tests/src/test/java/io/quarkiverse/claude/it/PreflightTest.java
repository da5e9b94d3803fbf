package io.quarkiverse.claude.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.errors.ClaudeApiException;
import io.quarkiverse.claude.errors.InvalidRequestException;
import io.quarkiverse.claude.errors.RequestTooLargeException;
import io.quarkiverse.claude.model.CacheControl;
import io.quarkiverse.claude.model.ContentBlock;
import io.quarkiverse.claude.model.MessageParam;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.model.TextBlock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Requests the API would reject fail the same way before anything is sent. */
@QuarkusTest
@TestProfile(DefaultClientProfile.class)
class PreflightTest extends SimulatorTest {

    @Inject
    ClaudeClient claude;



    @AfterEach
    void nothingWasSent() {
        assertEquals(List.of(), simulator.requests(), "a pre-flight failure sends nothing");
    }

    private static <T extends ClaudeApiException> T assertRejected(Class<T> type, int status, String field,
            Executable call) {
        T e = assertThrows(type, call);
        assertEquals(status, e.status());
        assertTrue(e.errorMessage().contains(field), e.errorMessage());
        assertTrue(e.getMessage().contains("nothing was sent"), e.getMessage());
        assertTrue(e.requestId().isEmpty());
        return e;
    }

    @Test
    void zeroMaxTokens() {
        assertRejected(InvalidRequestException.class, 400, "max_tokens",
                () -> claude.messages().create(MessageRequest.builder().maxTokens(0).addUserMessage("hi").build()));
    }

    @Test
    void emptyMessages() {
        assertRejected(InvalidRequestException.class, 400, "messages",
                () -> claude.messages().create(MessageRequest.builder().build()));
        assertRejected(InvalidRequestException.class, 400, "messages",
                () -> claude.messages().countTokens(MessageRequest.builder().build()));
    }

    @Test
    void nullEmptyAndBlankPromptsAreNotSent() {
        assertRejected(InvalidRequestException.class, 400, "messages.0.content", () -> claude.ask(null));
        assertRejected(InvalidRequestException.class, 400, "messages.0.content.0.text", () -> claude.ask(""));
        assertRejected(InvalidRequestException.class, 400, "non-whitespace", () -> claude.ask(" \n\t "));
        assertRejected(InvalidRequestException.class, 400, "messages.0.content.0.text",
                () -> claude.messages().stream(MessageRequest.of("")).collect().asList().await()
                        .atMost(Duration.ofSeconds(5)));
        assertRejected(InvalidRequestException.class, 400, "messages.2.content",
                () -> claude.messages().countTokens(MessageRequest.builder().addUserMessage("hi")
                        .addAssistantMessage("hello").addUserMessage("").build()));
    }

    @Test
    void anEmptyTurnBeforeTheLastIsRefused() {
        assertRejected(InvalidRequestException.class, 400, "messages.1.content",
                () -> claude.messages().create(MessageRequest.builder().addUserMessage("hi").addAssistantMessage("")
                        .addUserMessage("again").build()));
    }

    @Test
    void missingModel() {
        MessageRequest noModel = MessageRequest.builder().model(" ").maxTokens(10).addUserMessage("hi").build();
        assertRejected(InvalidRequestException.class, 400, "model", () -> claude.messages().create(noModel));
    }

    @Test
    void moreThanFourCacheBreakpoints() {
        List<ContentBlock> blocks = List.of(
                new TextBlock("a").withCacheControl(CacheControl.ephemeral()),
                new TextBlock("b").withCacheControl(CacheControl.ephemeral()),
                new TextBlock("c").withCacheControl(CacheControl.ephemeral("1h")));
        MessageRequest request = MessageRequest.builder()
                .system(List.of(new TextBlock("sys").withCacheControl(CacheControl.ephemeral()),
                        new TextBlock("sys2").withCacheControl(CacheControl.ephemeral())))
                .addMessage(MessageParam.user(blocks)).build();

        InvalidRequestException e = assertRejected(InvalidRequestException.class, 400, "cache_control",
                () -> claude.messages().create(request));
        assertTrue(e.errorMessage().contains("Found 5"), e.errorMessage());
    }

    @Test
    void bodyOver32MegabytesIsA413() {
        String huge = "x".repeat(33 * 1024 * 1024);
        RequestTooLargeException e = assertRejected(RequestTooLargeException.class, 413, "bytes",
                () -> claude.messages().create(MessageRequest.of(huge)));
        assertEquals("request_too_large", e.errorType());
    }

    @Test
    void asyncAndStreamFailTheSameWay() {
        MessageRequest bad = MessageRequest.builder().maxTokens(0).addUserMessage("hi").build();

        Throwable async = assertThrows(Throwable.class,
                () -> claude.messages().createAsync(bad).await().atMost(Duration.ofSeconds(5)));
        Throwable stream = assertThrows(Throwable.class,
                () -> claude.messages().stream(bad).collect().asList().await().atMost(Duration.ofSeconds(5)));

        assertInstanceOf(InvalidRequestException.class, async);
        assertInstanceOf(InvalidRequestException.class, stream);
    }
}
