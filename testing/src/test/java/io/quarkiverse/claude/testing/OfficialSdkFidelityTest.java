package io.quarkiverse.claude.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.AnthropicIoException;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.errors.BadRequestException;
import com.anthropic.errors.ConflictException;
import com.anthropic.errors.ContentTooLargeException;
import com.anthropic.errors.GatewayTimeoutException;
import com.anthropic.errors.InternalServerException;
import com.anthropic.errors.NotFoundException;
import com.anthropic.errors.OverloadedException;
import com.anthropic.errors.PaymentRequiredException;
import com.anthropic.errors.PermissionDeniedException;
import com.anthropic.errors.RateLimitException;
import com.anthropic.errors.SseException;
import com.anthropic.errors.UnauthorizedException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.EnforcedSpendLimitReachedException;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCountTokensParams;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.ToolUseBlock;
import com.anthropic.models.models.ModelInfo;
import com.anthropic.models.models.ModelListPage;
import com.anthropic.models.models.ModelListParams;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Drives the simulator with the official Java SDK (com.anthropic:anthropic-java): whatever the simulator sends, the SDK
 * must parse the way it parses the real API, and each error status must become the SDK's exception for it.
 */
class OfficialSdkFidelityTest {

    @RegisterExtension
    static final RunningSimulator running = new RunningSimulator();

    private static MessageCreateParams params(String text) {
        return MessageCreateParams.builder()
                .model("claude-opus-4-8")
                .maxTokens(256)
                .system("Be nice.")
                .addUserMessage(text)
                .build();
    }

    @Test
    void createParsesTheAnswer() {
        Message message = running.sdk().messages().create(params("how are you"));

        assertTrue(message.id().startsWith("msg_sim_"));
        assertEquals("claude-opus-4-8", message.model().asString());
        assertEquals(1, message.content().size());
        assertEquals("Echo: how are you", message.content().get(0).asText().text());
        assertEquals(StopReason.END_TURN, message.stopReason().orElseThrow());
        assertEquals(5, message.usage().inputTokens()); // "Be nice." 8 + "how are you" 11 = 19 chars
        assertEquals(4, message.usage().outputTokens());
        assertEquals(0, message.usage().cacheReadInputTokens().orElseThrow());
    }

    @Test
    void sdkSendsABearerTokenAndTheApiVersion() {
        running.sdk().messages().create(params("hi"));

        RecordedRequest request = running.sim().lastRequest();
        assertEquals("POST", request.method());
        assertEquals("/v1/messages", request.path());
        assertEquals("Bearer " + ClaudeSimulator.DEFAULT_API_KEY, request.header("authorization"));
        assertNull(request.header("x-api-key"), "the SDK authenticates with the bearer header only");
        assertEquals("2026-10-21", request.header("anthropic-version"));
        assertEquals("0", request.header("x-stainless-retry-count"));
        JsonNode body = request.json();
        assertEquals(256, body.path("max_tokens").asInt());
        assertEquals("hi", body.path("messages").get(0).path("content").asText());
    }

    @Test
    void streamAccumulates() {
        MessageAccumulator accumulator = MessageAccumulator.create();
        try (StreamResponse<RawMessageStreamEvent> stream = running.sdk().messages().createStreaming(params("stream me please"))) {
            stream.stream().forEach(accumulator::accumulate);
        }

        Message message = accumulator.message();
        assertEquals("Echo: stream me please", message.content().get(0).asText().text());
        assertEquals(StopReason.END_TURN, message.stopReason().orElseThrow());
        assertEquals(4, message.usage().outputTokens());
        assertEquals(6, message.usage().inputTokens()); // 8 + 16 = 24 chars
        assertTrue(running.sim().lastRequest().json().path("stream").asBoolean());
    }

    @Test
    void streamedToolUseAccumulates() {
        running.sim().enqueue(Fault.toolUse("get_weather", "{\"city\":\"Paris\",\"units\":\"metric\",\"days\":[1,2,3]}"));
        MessageAccumulator accumulator = MessageAccumulator.create();
        try (StreamResponse<RawMessageStreamEvent> stream = running.sdk().messages().createStreaming(params("weather?"))) {
            stream.stream().forEach(accumulator::accumulate);
        }

        Message message = accumulator.message();
        assertEquals(StopReason.TOOL_USE, message.stopReason().orElseThrow());
        ToolUseBlock tool = message.content().get(0).asToolUse();
        assertTrue(tool.id().startsWith("toolu_sim_"));
        assertEquals("get_weather", tool.name());
        Map<?, ?> input = tool._input().convert(Map.class);
        assertEquals("Paris", input.get("city"));
        assertEquals(List.of(1, 2, 3), input.get("days"));
    }

    @Test
    void toolUseParses() {
        running.sim().enqueue(Fault.toolUse("lookup", "{\"q\":\"x\"}"));
        Message message = running.sdk().messages().create(params("look it up"));

        assertEquals(StopReason.TOOL_USE, message.stopReason().orElseThrow());
        assertEquals("lookup", message.content().get(0).asToolUse().name());
    }

    @Test
    void unknownFieldsAreTolerated() {
        running.sim().enqueue(Fault.withExtraFields(), Fault.withExtraFields());
        Message message = running.sdk().messages().create(params("future"));
        assertEquals("Echo: future", message.content().get(0).asText().text());
        assertEquals(2, message.content().size());
        ContentBlock unknown = message.content().get(1);
        assertEquals("sim_future_block", unknown._json().orElseThrow().convert(Map.class).get("type"));

        MessageAccumulator accumulator = MessageAccumulator.create();
        try (StreamResponse<RawMessageStreamEvent> stream = running.sdk().messages().createStreaming(params("future"))) {
            stream.stream().forEach(accumulator::accumulate);
        }
        assertEquals("Echo: future", accumulator.message().content().get(0).asText().text());
    }

    @Test
    void countTokens() {
        long tokens = running.sdk().messages().countTokens(MessageCountTokensParams.builder()
                .model("claude-haiku-4-5")
                .addUserMessage("count these words")
                .build()).inputTokens();

        assertEquals(5, tokens); // 17 chars
        assertEquals("/v1/messages/count_tokens", running.sim().lastRequest().path());
    }

    @Test
    void listsAndPagesModels() {
        ModelListPage page = running.sdk().models().list();
        List<String> served = CatalogueFile.servedIds();
        ModelInfo opus = page.data().get(served.indexOf("claude-opus-5-5"));
        assertEquals("Claude Opus 5.5", opus.displayName());
        assertEquals(ModelInfo.Lifecycle.ACTIVE, opus.lifecycle());

        List<String> all = running.sdk().models().list(ModelListParams.builder().limit(3L).build()).autoPager().stream()
                .map(ModelInfo::id).toList();
        assertEquals(served, all);
        int pages = (served.size() + 2) / 3;
        assertEquals(1 + pages, running.sim().requests("/v1/models").size(), "the first list, then pages of 3");

        assertEquals("claude-opus-4-8", running.sdk().models().retrieve("claude-opus-4-8").id());
        assertThrows(NotFoundException.class, () -> running.sdk().models().retrieve("claude-nope"));
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of(400, "invalid_request_error", BadRequestException.class),
                Arguments.of(401, "authentication_error", UnauthorizedException.class),
                Arguments.of(402, "billing_error", PaymentRequiredException.class),
                Arguments.of(403, "permission_error", PermissionDeniedException.class),
                Arguments.of(404, "not_found_error", NotFoundException.class),
                Arguments.of(409, "conflict_error", ConflictException.class),
                Arguments.of(413, "request_too_large", ContentTooLargeException.class),
                Arguments.of(429, "rate_limit_error", RateLimitException.class),
                Arguments.of(500, "api_error", InternalServerException.class),
                Arguments.of(504, "timeout_error", GatewayTimeoutException.class),
                Arguments.of(529, "overloaded_error", OverloadedException.class));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("errors")
    void eachErrorBecomesTheSdkException(int status, String type, Class<? extends AnthropicServiceException> expected) {
        running.sim().enqueue(Fault.error(status, type, "simulated " + type));

        AnthropicServiceException e = assertThrows(AnthropicServiceException.class,
                () -> running.sdk().messages().create(params("fail")));

        assertEquals(expected, e.getClass());
        assertEquals(status, e.statusCode());
        assertEquals(type, e.type().orElseThrow().asString());
        assertEquals("simulated " + type, e.apiMessage().orElseThrow());
        assertTrue(e.requestId().orElseThrow().startsWith("req_sim_"));
        assertEquals(1, running.sim().requests().size(), "maxRetries(0): no retry");
    }

    @Test
    void spendLimitIsTheSdksDedicatedException() {
        running.sim().enqueue(Fault.spendLimitReached());

        RateLimitException e = assertThrows(RateLimitException.class, () -> running.sdk().messages().create(params("pay")));
        assertEquals(EnforcedSpendLimitReachedException.class, e.getClass());
        assertEquals("enforced_spend_limit_reached", e.errorCode().orElseThrow());
    }

    @Test
    void realValidationErrorsBecomeSdkExceptions() {
        NotFoundException e = assertThrows(NotFoundException.class, () -> running.sdk().messages().create(
                MessageCreateParams.builder().model("claude-nope").maxTokens(5).addUserMessage("x").build()));
        assertEquals("model: claude-nope", e.apiMessage().orElseThrow());
    }

    @Test
    void midStreamErrorIsAnSseException() {
        running.sim().enqueue(Fault.streamError(2, "overloaded_error", "Overloaded"));
        MessageAccumulator accumulator = MessageAccumulator.create();

        SseException e = assertThrows(SseException.class, () -> {
            try (StreamResponse<RawMessageStreamEvent> stream = running.sdk().messages()
                    .createStreaming(params("one two three four"))) {
                stream.stream().forEach(accumulator::accumulate);
            }
        });

        assertEquals(200, e.statusCode());
        assertEquals("overloaded_error", e.type().orElseThrow().asString());
        assertEquals("Overloaded", e.apiMessage().orElseThrow());
    }

    @Test
    void droppedConnectionIsAnIoErrorWithoutHiddenRetry() {
        running.sdk().messages().create(params("warm up the connection pool"));
        running.sim().reset().enqueue(Fault.dropConnection(), Fault.dropConnection());

        assertThrows(AnthropicIoException.class, () -> running.sdk().messages().create(params("dropped")));
        assertEquals(1, running.sim().requests().size(), "neither the SDK (maxRetries 0) nor OkHttp retried");
    }

    @Test
    void truncatedStreamLeavesTheMessageIncomplete() {
        running.sim().enqueue(Fault.truncatedStream(2));
        MessageAccumulator accumulator = MessageAccumulator.create();
        try (StreamResponse<RawMessageStreamEvent> stream = running.sdk().messages().createStreaming(params("a b c d"))) {
            stream.stream().forEach(accumulator::accumulate);
        }

        assertThrows(IllegalStateException.class, accumulator::message);
    }
}
