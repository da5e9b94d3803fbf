package io.quarkiverse.claude.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.BadRequestException;
import com.anthropic.errors.NotFoundException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.ErrorObject;
import com.anthropic.models.messages.CacheControlEphemeral;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.TextBlockParam;
import com.anthropic.models.messages.ThinkingBlock;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlock;
import com.anthropic.models.messages.Usage;
import com.anthropic.models.messages.batches.BatchCreateParams;
import com.anthropic.models.messages.batches.BatchListParams;
import com.anthropic.models.messages.batches.DeletedMessageBatch;
import com.anthropic.models.messages.batches.MessageBatch;
import com.anthropic.models.messages.batches.MessageBatchIndividualResponse;
import com.anthropic.models.messages.batches.MessageBatchResult;

/**
 * Drives the Message Batches API, prompt caching, extended thinking and the tool-use round trip with the official Java
 * SDK: it must parse all of it as it parses the real API.
 */
class OfficialSdkFeaturesTest {

    @RegisterExtension
    static final RunningSimulator running = new RunningSimulator(SimulatorOptions.defaults().batchProcessingDelay(Duration.ofMillis(50)));

    // ---------------------------------------------------------------- batches

    private static BatchCreateParams.Request request(String customId, String model, String text) {
        return BatchCreateParams.Request.builder()
                .customId(customId)
                .params(BatchCreateParams.Request.Params.builder()
                        .model(model)
                        .maxTokens(100)
                        .addUserMessage(text)
                        .build())
                .build();
    }

    private static MessageBatch awaitEnded(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        MessageBatch batch = running.sdk().messages().batches().retrieve(id);
        while (batch.processingStatus() != MessageBatch.ProcessingStatus.ENDED) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not ended: " + batch);
            }
            Thread.sleep(20);
            batch = running.sdk().messages().batches().retrieve(id);
        }
        return batch;
    }

    @Test
    void batchLifecycle() throws Exception {
        MessageBatch created = running.sdk().messages().batches().create(BatchCreateParams.builder()
                .addRequest(request("ok", "claude-opus-4-8", "hello batch"))
                .addRequest(request("bad-model", "claude-nope", "x"))
                .addRequest(request("expire-1", "claude-opus-4-8", "late"))
                .build());

        assertTrue(created.id().startsWith("msgbatch_sim_"));
        assertEquals(MessageBatch.ProcessingStatus.IN_PROGRESS, created.processingStatus());
        assertEquals(3, created.requestCounts().processing());
        assertTrue(created.endedAt().isEmpty());
        assertTrue(created.resultsUrl().isEmpty());
        assertEquals(created.createdAt().plusHours(24), created.expiresAt());

        MessageBatch ended = awaitEnded(created.id());
        assertEquals(1, ended.requestCounts().succeeded());
        assertEquals(1, ended.requestCounts().errored());
        assertEquals(1, ended.requestCounts().expired());
        assertEquals(0, ended.requestCounts().processing());
        assertTrue(ended.endedAt().isPresent());
        assertEquals(running.sim().baseUrl() + "/v1/messages/batches/" + created.id() + "/results", ended.resultsUrl().orElseThrow());

        Map<String, MessageBatchResult> results = new HashMap<>();
        try (StreamResponse<MessageBatchIndividualResponse> stream = running.sdk().messages().batches()
                .resultsStreaming(created.id())) {
            stream.stream().forEach(r -> results.put(r.customId(), r.result()));
        }
        assertEquals("application/x-jsonl", running.sim().lastRequest().header("accept"), "what the SDK asks for");
        assertEquals(3, results.size());
        Message message = results.get("ok").asSucceeded().message();
        assertEquals("Echo: hello batch", message.content().get(0).asText().text());
        assertEquals(StopReason.END_TURN, message.stopReason().orElseThrow());
        assertEquals(Usage.ServiceTier.BATCH, message.usage().serviceTier().orElseThrow());
        ErrorObject error = results.get("bad-model").asErrored().error().error();
        assertEquals(ErrorObject.Type.NOT_FOUND_ERROR, error.type());
        assertEquals("model: claude-nope", error.message());
        assertTrue(results.get("expire-1").isExpired());

        List<String> listed = running.sdk().messages().batches().list().data().stream().map(MessageBatch::id).toList();
        assertEquals(List.of(created.id()), listed);

        DeletedMessageBatch deleted = running.sdk().messages().batches().delete(created.id());
        assertEquals(created.id(), deleted.id());
        assertThrows(NotFoundException.class, () -> running.sdk().messages().batches().retrieve(created.id()));
    }

    @Test
    void batchListPagesNewestFirst() {
        for (int i = 0; i < 5; i++) {
            running.sdk().messages().batches().create(BatchCreateParams.builder()
                    .addRequest(request("r", "claude-haiku-4-5", "n" + i)).build());
        }

        List<String> paged = running.sdk().messages().batches().list(BatchListParams.builder().limit(2L).build()).autoPager()
                .stream().map(MessageBatch::id).toList();
        assertEquals(running.sim().batchIds(), paged);
        assertEquals(5, paged.size());
        assertEquals(3, running.sim().requests("/v1/messages/batches").stream().filter(r -> r.method().equals("GET")).count(),
                "pages of 2, 2 and 1");
    }

    @Test
    void cancelAndItsRules() throws Exception {
        MessageBatch created = running.sdk().messages().batches().create(BatchCreateParams.builder()
                .addRequest(request("a", "claude-opus-4-8", "x"))
                .addRequest(request("b", "claude-opus-4-8", "y"))
                .build());

        MessageBatch canceling = running.sdk().messages().batches().cancel(created.id());
        assertEquals(MessageBatch.ProcessingStatus.CANCELING, canceling.processingStatus());
        assertTrue(canceling.cancelInitiatedAt().isPresent());

        MessageBatch ended = awaitEnded(created.id());
        assertEquals(2, ended.requestCounts().canceled());
        try (StreamResponse<MessageBatchIndividualResponse> stream = running.sdk().messages().batches()
                .resultsStreaming(created.id())) {
            assertTrue(stream.stream().allMatch(r -> r.result().isCanceled()));
        }
        assertThrows(BadRequestException.class, () -> running.sdk().messages().batches().cancel(created.id()));
    }

    @Test
    void resultsAndDeletionBeforeTheEndAreBadRequests() {
        // A simulator of its own, whose batches stay in progress.
        try (ClaudeSimulator slowSim = ClaudeSimulator.start(
                SimulatorOptions.defaults().batchProcessingDelay(Duration.ofMinutes(5)))) {
            AnthropicClient slow = AnthropicOkHttpClient.builder().baseUrl(slowSim.baseUrl())
                    .apiKey(ClaudeSimulator.DEFAULT_API_KEY).maxRetries(0).build();
            String id = slow.messages().batches().create(BatchCreateParams.builder()
                    .addRequest(request("a", "claude-opus-4-8", "x")).build()).id();

            assertThrows(BadRequestException.class, () -> {
                try (StreamResponse<MessageBatchIndividualResponse> stream = slow.messages().batches()
                        .resultsStreaming(id)) {
                    stream.stream().count();
                }
            });
            BadRequestException e = assertThrows(BadRequestException.class, () -> slow.messages().batches().delete(id));
            assertTrue(e.apiMessage().orElseThrow().contains("must be ended before deletion"));
            slow.close();
        }
    }

    // ---------------------------------------------------------------- prompt caching

    private static MessageCreateParams cached(String question) {
        return MessageCreateParams.builder()
                .model("claude-sonnet-4-6")
                .maxTokens(100)
                .systemOfTextBlockParams(List.of(TextBlockParam.builder()
                        .text("x".repeat(4000))
                        .cacheControl(CacheControlEphemeral.builder().build())
                        .build()))
                .addUserMessage(question)
                .build();
    }

    @Test
    void cacheTokensAreParsed() {
        Usage first = running.sdk().messages().create(cached("first")).usage();
        assertEquals(1000, first.cacheCreationInputTokens().orElseThrow());
        assertEquals(0, first.cacheReadInputTokens().orElseThrow());
        assertEquals(2, first.inputTokens());
        assertEquals(1000, first.cacheCreation().orElseThrow().ephemeral5mInputTokens());
        assertEquals(0, first.cacheCreation().orElseThrow().ephemeral1hInputTokens());
        assertEquals(Usage.ServiceTier.STANDARD, first.serviceTier().orElseThrow());

        MessageAccumulator accumulator = MessageAccumulator.create();
        try (StreamResponse<RawMessageStreamEvent> stream = running.sdk().messages().createStreaming(cached("second"))) {
            stream.stream().forEach(accumulator::accumulate);
        }
        Usage second = accumulator.message().usage();
        assertEquals(0, second.cacheCreationInputTokens().orElseThrow());
        assertEquals(1000, second.cacheReadInputTokens().orElseThrow());
        assertEquals(2, second.inputTokens());
    }

    // ---------------------------------------------------------------- extended thinking

    @Test
    void thinkingIsStreamedAccumulatedAndSentBack() {
        MessageCreateParams params = MessageCreateParams.builder()
                .model("claude-opus-4-8")
                .maxTokens(4096)
                .enabledThinking(2048)
                .addUserMessage("what is two plus two")
                .build();
        MessageAccumulator accumulator = MessageAccumulator.create();
        try (StreamResponse<RawMessageStreamEvent> stream = running.sdk().messages().createStreaming(params)) {
            stream.stream().forEach(accumulator::accumulate);
        }

        Message message = accumulator.message();
        assertEquals(2, message.content().size());
        ThinkingBlock thinking = message.content().get(0).asThinking();
        assertEquals("Thinking about: what is two plus two", thinking.thinking());
        assertTrue(thinking.signature().startsWith("sig_sim_"), thinking.signature());
        assertEquals("Echo: what is two plus two", message.content().get(1).asText().text());

        Message followUp = running.sdk().messages().create(params.toBuilder()
                .addMessage(message)
                .addUserMessage("and three plus three")
                .build());
        assertEquals("Echo: and three plus three", followUp.content().get(1).asText().text());
        assertEquals(thinking.signature(),
                running.sim().lastRequest().json().path("messages").get(1).path("content").get(0).path("signature").asText(),
                "the SDK sent the thinking block back as it came");

        BadRequestException e = assertThrows(BadRequestException.class, () -> running.sdk().messages().create(
                params.toBuilder().enabledThinking(512).build()));
        assertTrue(e.apiMessage().orElseThrow().contains("budget_tokens"));
    }

    // ---------------------------------------------------------------- tool use round trip

    @Test
    void toolResultRoundTrip() {
        MessageCreateParams ask = MessageCreateParams.builder()
                .model("claude-opus-4-8")
                .maxTokens(256)
                .addUserMessage("weather in Paris?")
                .build();
        running.sim().enqueue(Fault.toolUse("get_weather", "{\"city\":\"Paris\"}"));
        MessageAccumulator accumulator = MessageAccumulator.create();
        try (StreamResponse<RawMessageStreamEvent> stream = running.sdk().messages().createStreaming(ask)) {
            stream.stream().forEach(accumulator::accumulate);
        }
        Message call = accumulator.message();
        ToolUseBlock tool = call.content().get(0).asToolUse();
        assertEquals("Paris", tool._input().convert(Map.class).get("city"));

        Message answer = running.sdk().messages().create(ask.toBuilder()
                .addMessage(call)
                .addUserMessageOfContentBlockParams(List.of(ContentBlockParam.ofToolResult(ToolResultBlockParam.builder()
                        .toolUseId(tool.id())
                        .content("18 degrees and sunny")
                        .build())))
                .build());

        assertEquals(StopReason.END_TURN, answer.stopReason().orElseThrow());
        assertEquals("Echo: 18 degrees and sunny", answer.content().get(0).asText().text());
    }
}
