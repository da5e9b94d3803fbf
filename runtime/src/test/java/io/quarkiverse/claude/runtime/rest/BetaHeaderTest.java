package io.quarkiverse.claude.runtime.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.model.ContentSource;
import io.quarkiverse.claude.model.DocumentBlock;
import io.quarkiverse.claude.model.ImageBlock;
import io.quarkiverse.claude.model.MessageParam;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.model.TextBlock;
import io.quarkiverse.claude.model.ToolResultBlock;

/** The betas a request sends: the configured ones and the ones it needs, each once. */
class BetaHeaderTest {

    @Test
    void configuredAndRequiredBetasAreMergedEachOnce() {
        assertEquals("a,files-api-2025-04-14", ClaudeHeadersFilter.merged("a", "files-api-2025-04-14"));
        assertEquals("a,files-api-2025-04-14", ClaudeHeadersFilter.merged("a,files-api-2025-04-14", "files-api-2025-04-14"));
        assertEquals("files-api-2025-04-14", ClaudeHeadersFilter.merged(null, "files-api-2025-04-14"));
        assertEquals("a,b", ClaudeHeadersFilter.merged("a,b", null));
        assertNull(ClaudeHeadersFilter.merged(null, null));
    }

    @Test
    void fileSourcesAnywhereInTheMessagesAreFound() {
        assertFalse(FileReferences.in(MessageRequest.of("hi")));
        assertFalse(FileReferences.in(request(new DocumentBlock(ContentSource.url("https://example.com/a.pdf")))));
        assertTrue(FileReferences.in(request(DocumentBlock.file("file_1"))));
        assertTrue(FileReferences.in(request(ImageBlock.file("file_1"))));
        assertTrue(FileReferences.in(request(ToolResultBlock.of("toolu_1", List.of(ImageBlock.file("file_2"))))));
        assertFalse(FileReferences.in("not a request"));
    }

    private static MessageRequest request(io.quarkiverse.claude.model.ContentBlock block) {
        return MessageRequest.builder().model("m").maxTokens(1)
                .addMessage(MessageParam.user(List.of(block, new TextBlock("?")))).build();
    }
}
