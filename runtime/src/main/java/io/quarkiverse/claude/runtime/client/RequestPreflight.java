package io.quarkiverse.claude.runtime.client;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.claude.errors.ClaudeApiException;
import io.quarkiverse.claude.errors.InvalidRequestException;
import io.quarkiverse.claude.errors.RequestTooLargeException;
import io.quarkiverse.claude.model.ContentBlock;
import io.quarkiverse.claude.model.DocumentBlock;
import io.quarkiverse.claude.model.ImageBlock;
import io.quarkiverse.claude.model.MessageParam;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.model.TextBlock;
import io.quarkiverse.claude.model.ThinkingBlock;
import io.quarkiverse.claude.model.Tool;
import io.quarkiverse.claude.model.ToolDefinition;
import io.quarkiverse.claude.model.ToolResultBlock;
import io.quarkiverse.claude.model.ToolUseBlock;
import io.quarkiverse.claude.runtime.config.ClaudeRuntimeConfig;
import io.quarkiverse.claude.runtime.errors.ApiErrors;
import io.quarkiverse.claude.runtime.json.WireJson;

/**
 * The checks the API would make that need no network: each fails with the exception the API would send, before any
 * request leaves, so no rate limit or money is spent on a request bound to fail. One per client, whose properties the
 * messages name.
 */
final class RequestPreflight {

    static final long MESSAGES_MAX_BYTES = 32L * 1024 * 1024;
    static final long BATCH_MAX_BYTES = 256L * 1024 * 1024;
    static final int MAX_CACHE_BREAKPOINTS = 4;

    /** JSON escaping turns a character into at most 6 bytes ({@code \\uXXXX}). */
    private static final int MAX_BYTES_PER_CHAR = 6;
    private static final long JSON_OVERHEAD = 64 * 1024;
    private static final long UNBOUNDED = -1;
    /** Keys, quotes and cache_control of one block or message, counted as characters. */
    private static final long STRUCTURE_CHARS = 64;

    // the mapper that writes the body sent, so that the size counted is the size sent
    private static final ObjectMapper JSON = WireJson.MAPPER;

    private final String modelProperty;
    private final String maxTokensProperty;

    RequestPreflight(String clientName) {
        this.modelProperty = ClaudeRuntimeConfig.property(clientName, "model");
        this.maxTokensProperty = ClaudeRuntimeConfig.property(clientName, "max-tokens");
    }

    /** Checks a request for {@code POST /v1/messages}. */
    void checkCreate(MessageRequest request) {
        checkRequest(request);
        checkSize(request, MESSAGES_MAX_BYTES);
    }

    /** The checks of {@link #checkCreate} but the size, which a batch checks for all its requests at once. */
    void checkRequest(MessageRequest request) {
        checkCommon(request);
        if (request.maxTokens() == null || request.maxTokens() < 1) {
            throw invalid("max_tokens: must be at least 1, was " + request.maxTokens()
                    + " (set " + maxTokensProperty + " or MessageRequest.Builder.maxTokens)");
        }
    }

    /** Checks a request for {@code POST /v1/messages/count_tokens}, which takes no {@code max_tokens}. */
    void checkCountTokens(MessageRequest request) {
        checkCommon(request);
        checkSize(request, MESSAGES_MAX_BYTES);
    }

    private void checkCommon(MessageRequest request) {
        if (request.model() == null || request.model().isBlank()) {
            throw invalid("model: Field required (set " + modelProperty + " or MessageRequest.Builder.model)");
        }
        if (request.messages().isEmpty()) {
            throw invalid("messages: at least one message is required");
        }
        checkContent(request.messages());
        int breakpoints = cacheBreakpoints(request);
        if (breakpoints > MAX_CACHE_BREAKPOINTS) {
            throw invalid("A maximum of " + MAX_CACHE_BREAKPOINTS + " blocks with cache_control may be provided. Found "
                    + breakpoints + ".");
        }
    }

    /**
     * The API's rule: every message has content, and no text block is empty or only whitespace, except in a final
     * assistant message (a prefill, which may be empty). A null or blank prompt is caught here, not sent.
     */
    private static void checkContent(List<MessageParam> messages) {
        for (int i = 0; i < messages.size(); i++) {
            MessageParam message = messages.get(i);
            if (i == messages.size() - 1 && message.role() == io.quarkiverse.claude.model.Role.ASSISTANT) {
                return;
            }
            List<ContentBlock> blocks = message.content();
            if (blocks.isEmpty()) {
                throw invalid("messages." + i + ".content: must not be empty (a null or empty prompt?); "
                        + "only the final assistant message may be empty");
            }
            for (int j = 0; j < blocks.size(); j++) {
                if (blocks.get(j) instanceof TextBlock text && (text.text() == null || text.text().isBlank())) {
                    throw invalid("messages." + i + ".content." + j + ".text: text content blocks must contain "
                            + "non-whitespace text (an empty or blank prompt?)");
                }
            }
        }
    }

    static void checkSize(Object body, long maxBytes) {
        if (body instanceof MessageRequest request) {
            long maxChars = boundedChars(request);
            if (maxChars != UNBOUNDED && maxChars * MAX_BYTES_PER_CHAR + JSON_OVERHEAD < maxBytes) {
                return; // surely under the limit: no need to serialise twice
            }
        }
        long bytes = serializedBytes(body);
        if (bytes > maxBytes) {
            throw new RequestTooLargeException(ApiErrors.preflight(RequestTooLargeException.STATUS,
                    RequestTooLargeException.TYPE, "Request body is " + bytes + " bytes, over the limit of " + maxBytes
                            + " bytes"));
        }
    }

    private static int cacheBreakpoints(MessageRequest request) {
        int count = 0;
        for (ToolDefinition tool : request.toolDefinitions()) {
            count += tool.cacheControl() != null ? 1 : 0;
        }
        count += countIn(request.system());
        for (MessageParam message : request.messages()) {
            count += countIn(message.content());
        }
        return count;
    }

    private static int countIn(List<ContentBlock> blocks) {
        int count = 0;
        for (ContentBlock block : blocks) {
            count += block.cacheControl() != null ? 1 : 0;
            if (block instanceof ToolResultBlock result) {
                count += countIn(result.content());
            }
        }
        return count;
    }

    /** @return the characters of the request's strings, or {@link #UNBOUNDED} when some part has unknown shape */
    private static long boundedChars(MessageRequest request) {
        if (!request.extraFields().isEmpty() || !request.serverTools().isEmpty()) {
            return UNBOUNDED; // server tools: lists of domains of any length
        }
        long chars = 0;
        for (Tool tool : request.tools()) {
            chars += STRUCTURE_CHARS + length(tool.name()) + length(tool.description()) + (tool.inputSchema() == null ? 0 : tool.inputSchema().toString().length());
        }
        if (request.outputConfig() != null) {
            // a schema is small, and written once per call anyway
            chars += STRUCTURE_CHARS + request.outputConfig().toString().length()
                    + (request.outputConfig().format() == null || request.outputConfig().format().schema() == null ? 0
                            : request.outputConfig().format().schema().toString().length());
        }
        for (List<ContentBlock> blocks : contentLists(request)) {
            long more = boundedChars(blocks);
            if (more == UNBOUNDED) {
                return UNBOUNDED;
            }
            chars += more + STRUCTURE_CHARS;
        }
        return chars;
    }

    private static List<List<ContentBlock>> contentLists(MessageRequest request) {
        List<List<ContentBlock>> lists = new java.util.ArrayList<>(request.messages().size() + 1);
        lists.add(request.system());
        request.messages().forEach(message -> lists.add(message.content()));
        return lists;
    }

    private static long boundedChars(List<ContentBlock> blocks) {
        long chars = 0;
        for (ContentBlock block : blocks) {
            if (!block.extraFields().isEmpty()) {
                return UNBOUNDED;
            }
            chars += STRUCTURE_CHARS;
            if (block instanceof TextBlock text && text.citations().isEmpty()) {
                chars += length(text.text());
            } else if (block instanceof ImageBlock image && image.source() != null) {
                chars += length(image.source().data()) + length(image.source().url());
            } else if (block instanceof DocumentBlock document && document.source() != null) {
                chars += length(document.source().data()) + length(document.source().url()) + length(document.title())
                        + length(document.context());
            } else if (block instanceof ToolUseBlock toolUse && toolUse.input() != null) {
                chars += toolUse.input().toString().length() + length(toolUse.name()) + length(toolUse.id());
            } else if (block instanceof ToolResultBlock result) {
                long inner = boundedChars(result.content());
                if (inner == UNBOUNDED) {
                    return UNBOUNDED;
                }
                chars += inner;
            } else if (block instanceof ThinkingBlock thinking) {
                chars += length(thinking.thinking()) + length(thinking.signature());
            } else {
                return UNBOUNDED;
            }
        }
        return chars;
    }

    private static long length(String text) {
        return text == null ? 0 : text.length();
    }

    private static long serializedBytes(Object body) {
        CountingStream counter = new CountingStream();
        try {
            JSON.writeValue(counter, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counter.count;
    }

    private static ClaudeApiException invalid(String message) {
        return new InvalidRequestException(
                ApiErrors.preflight(InvalidRequestException.STATUS, InvalidRequestException.TYPE, message));
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
