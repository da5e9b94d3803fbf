package io.quarkiverse.claude.runtime.call;

import java.util.List;

import io.quarkiverse.claude.model.ContentBlock;
import io.quarkiverse.claude.model.ImageBlock;
import io.quarkiverse.claude.model.MessageParam;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.model.TextBlock;
import io.quarkiverse.claude.model.Tool;
import io.quarkiverse.claude.model.ToolResultBlock;
import io.quarkiverse.claude.model.ToolUseBlock;

/**
 * What one attempt takes from the API's rate limits: one request, its input tokens (estimated, without a network
 * call) and its output tokens (its {@code max_tokens}, which the API counts against the output limit when the request
 * starts). Proactive throttling holds an attempt whose cost does not fit.
 * <p>
 * The estimate is the text's characters divided by four, the rule of thumb for English prose, plus a little per block
 * and 1,600 tokens per image (the cost of a picture of about 1.2 megapixels). It is cheap and rough: prose in English
 * comes out within about a third; code, numbers and non-Latin scripts take more tokens per character, so they are
 * underestimated; a document (PDF) counts only its title.
 *
 * @param inputTokens the estimated input tokens
 * @param outputTokens the output tokens the attempt may use: its {@code max_tokens}
 */
public record AttemptCost(long inputTokens, long outputTokens) {

    /** A request whose tokens are not counted (token counting, models, batches, the application's own methods). */
    public static final AttemptCost REQUEST_ONLY = new AttemptCost(0, 0);

    static final int CHARS_PER_TOKEN = 4;
    static final int TOKENS_PER_IMAGE = 1600;
    static final int TOKENS_PER_BLOCK = 4;

    /** @return the cost of a Messages request with its defaults filled in */
    public static AttemptCost of(MessageRequest request) {
        long chars = 0;
        long tokens = 0;
        for (Tool tool : request.tools()) {
            chars += length(tool.name()) + length(tool.description())
                    + (tool.inputSchema() == null ? 0 : tool.inputSchema().toString().length());
        }
        for (ContentBlock block : request.system()) {
            chars += chars(block);
            tokens += TOKENS_PER_BLOCK;
        }
        for (MessageParam message : request.messages()) {
            List<ContentBlock> blocks = message.content();
            for (ContentBlock block : blocks) {
                chars += chars(block);
                tokens += TOKENS_PER_BLOCK + (block instanceof ImageBlock ? TOKENS_PER_IMAGE : 0);
            }
        }
        Integer maxTokens = request.maxTokens();
        return new AttemptCost(tokens + (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN,
                maxTokens == null ? 0 : maxTokens);
    }

    private static long chars(ContentBlock block) {
        if (block instanceof TextBlock text) {
            return length(text.text());
        }
        if (block instanceof ToolResultBlock result) {
            long chars = 0;
            for (ContentBlock inner : result.content()) {
                chars += chars(inner);
            }
            return chars;
        }
        if (block instanceof ToolUseBlock use) {
            return use.input() == null ? 0 : use.input().toString().length();
        }
        return 0;
    }

    private static long length(String text) {
        return text == null ? 0 : text.length();
    }
}
