package io.quarkiverse.claude.runtime.rest;

import java.util.List;

import io.quarkiverse.claude.model.ContentBlock;
import io.quarkiverse.claude.model.DocumentBlock;
import io.quarkiverse.claude.model.ImageBlock;
import io.quarkiverse.claude.model.MessageParam;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.model.ToolResultBlock;

/**
 * Whether a request body names an uploaded file ({@code "source": {"type": "file", …}}), which the API accepts only with
 * the Files API's beta header.
 */
final class FileReferences {

    private FileReferences() {
    }

    /** @param entity a request body: a messages request or a batch of them; anything else names no file */
    static boolean in(Object entity) {
        if (entity instanceof MessageRequest request) {
            return in(request);
        }
        if (entity instanceof ClaudeRestApi.BatchCreateBody batch && batch.requests() != null) {
            return batch.requests().stream().anyMatch(r -> r.params() != null && in(r.params()));
        }
        return false;
    }

    private static boolean in(MessageRequest request) {
        List<MessageParam> messages = request.messages();
        if (messages == null) {
            return false;
        }
        for (MessageParam message : messages) {
            if (message != null && inBlocks(message.content())) {
                return true;
            }
        }
        return false;
    }

    private static boolean inBlocks(List<ContentBlock> blocks) {
        if (blocks == null) {
            return false;
        }
        for (ContentBlock block : blocks) {
            if (block instanceof DocumentBlock document && document.source() != null && document.source().isFile()
                    || block instanceof ImageBlock image && image.source() != null && image.source().isFile()
                    || block instanceof ToolResultBlock result && inBlocks(result.content())) {
                return true;
            }
        }
        return false;
    }
}
