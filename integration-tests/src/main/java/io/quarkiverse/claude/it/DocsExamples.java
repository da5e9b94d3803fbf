package io.quarkiverse.claude.it;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.errors.ClaudeApiException;
import io.quarkiverse.claude.model.CacheControl;
import io.quarkiverse.claude.model.Message;
import io.quarkiverse.claude.model.MessageAccumulator;
import io.quarkiverse.claude.model.MessageParam;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.model.StopReason;
import io.quarkiverse.claude.model.TextBlock;
import io.quarkiverse.claude.model.Tool;
import io.quarkiverse.claude.model.ToolChoice;
import io.quarkiverse.claude.model.ToolResultBlock;
import io.quarkiverse.claude.model.ToolUseBlock;
import io.quarkiverse.claude.model.batch.BatchRequest;
import io.quarkiverse.claude.model.batch.BatchResult;
import io.quarkiverse.claude.model.batch.MessageBatch;
import io.quarkiverse.claude.model.stream.StreamEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The examples of the docs pages (streaming, tools, caching, batches), kept here so that they compile and are run by
 * {@code DocsExamplesTest}. Keep the pages and this class in step.
 */
@ApplicationScoped
public class DocsExamples {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ClaudeClient claude;

    // tag::streaming[]
    public String streamToConsole(String prompt) {
        StringBuilder printed = new StringBuilder();
        Message message = claude.messages().stream(MessageRequest.of(prompt), printed::append); // blocking
        return printed + " / " + message.usage().outputTokens() + " tokens";
    }

    public Uni<Message> streamReactively(String prompt) {
        Multi<StreamEvent> events = claude.messages().stream(MessageRequest.of(prompt));
        return events.collect().in(MessageAccumulator::new, MessageAccumulator::accept)
                .map(MessageAccumulator::message);
    }
    // end::streaming[]

    // tag::tools[]
    public String weatherWithTools(String question) throws Exception {
        Tool weather = Tool.of("get_weather", "The current weather of a city", JSON.readTree("""
                {"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}"""));
        MessageRequest request = MessageRequest.builder().addUserMessage(question)
                .tools(List.of(weather)).toolChoice(ToolChoice.auto()).build();

        Message answer = claude.messages().create(request);
        while (answer.stopReason().equals(StopReason.TOOL_USE)) {
            List<ToolResultBlock> results = new ArrayList<>();
            for (ToolUseBlock call : answer.toolUses()) {
                results.add(ToolResultBlock.of(call.id(), lookUpWeather(call.input())));
            }
            request = request.toBuilder()
                    .addMessage(MessageParam.of(answer))   // the assistant turn, unchanged
                    .addMessage(MessageParam.user(results)) // our answers to its calls
                    .build();
            answer = claude.messages().create(request);
        }
        return answer.text();
    }

    private static String lookUpWeather(JsonNode input) {
        return "18 degrees and sunny in " + input.get("city").asText();
    }
    // end::tools[]

    // tag::caching[]
    public Message reviewWithCachedInstructions(String longInstructions, String document) {
        return claude.messages().create(MessageRequest.builder()
                .system(List.of(new TextBlock(longInstructions).withCacheControl(CacheControl.ephemeral("1h"))))
                .addUserMessage(document)
                .build());
        // usage().cacheCreationInputTokens() on the first call, cacheReadInputTokens() on later ones
    }
    // end::caching[]

    // tag::batches[]
    public List<String> summariseOvernight(List<String> documents) throws InterruptedException {
        List<BatchRequest> requests = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            requests.add(BatchRequest.of("doc-" + i, MessageRequest.of("Summarise: " + documents.get(i))));
        }
        MessageBatch batch = claude.batches().create(requests);
        while (!batch.isEnded()) {
            Thread.sleep(pollInterval());
            batch = claude.batches().retrieve(batch.id());
        }
        List<String> summaries = new ArrayList<>();
        for (BatchResult result : claude.batches().resultsBlocking(batch.id())) { // read line by line
            if (result.isSucceeded()) {
                summaries.add(result.customId() + ": " + result.message().text());
            } else if (result.isErrored()) {
                ClaudeApiException error = result.error(); // typed, e.g. InvalidRequestException
                summaries.add(result.customId() + " failed: " + error.errorType());
            }
        }
        return summaries;
    }
    // end::batches[]

    /** Real batches take minutes; the simulator ends them in a fraction of a second. */
    long pollInterval() {
        return 50;
    }
}
