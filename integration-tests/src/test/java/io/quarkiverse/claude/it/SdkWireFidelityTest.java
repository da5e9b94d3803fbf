package io.quarkiverse.claude.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.models.messages.CacheControlEphemeral;
import com.anthropic.models.messages.CitationsConfigParam;
import com.anthropic.models.messages.CodeExecutionTool20250522;
import com.anthropic.models.messages.CodeExecutionTool20250825;
import com.anthropic.models.messages.CodeExecutionTool20260120;
import com.anthropic.models.messages.CodeExecutionTool20260521;
import com.anthropic.models.messages.DocumentBlockParam;
import com.anthropic.models.messages.PlainTextSource;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.JsonOutputFormat;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.StructuredMessage;
import com.anthropic.models.messages.TextBlockParam;
import com.anthropic.models.messages.ToolChoiceAny;
import com.anthropic.models.messages.ToolChoiceAuto;
import com.anthropic.models.messages.ToolChoiceNone;
import com.anthropic.models.messages.ToolChoiceTool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUnion;
import com.anthropic.models.messages.ToolUseBlockParam;
import com.anthropic.models.messages.WebFetchTool20250910;
import com.anthropic.models.messages.WebFetchTool20260209;
import com.anthropic.models.messages.WebFetchTool20260309;
import com.anthropic.models.messages.WebFetchTool20260318;
import com.anthropic.models.messages.WebSearchTool20250305;
import com.anthropic.models.messages.WebSearchTool20260209;
import com.anthropic.models.messages.WebSearchTool20260318;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.StructuredAnswer;
import io.quarkiverse.claude.model.CacheControl;
import io.quarkiverse.claude.model.ContentSource;
import io.quarkiverse.claude.model.DocumentBlock;
import io.quarkiverse.claude.model.Message;
import io.quarkiverse.claude.model.MessageParam;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.model.OutputConfig;
import io.quarkiverse.claude.model.ServerTool;
import io.quarkiverse.claude.model.StopReason;
import io.quarkiverse.claude.model.TextBlock;
import io.quarkiverse.claude.model.ThinkingBlock;
import io.quarkiverse.claude.model.ThinkingConfig;
import io.quarkiverse.claude.model.Tool;
import io.quarkiverse.claude.model.ToolChoice;
import io.quarkiverse.claude.model.ToolResultBlock;
import io.quarkiverse.claude.model.ToolUseBlock;
import io.quarkiverse.claude.model.UserLocation;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.Fault;
import io.quarkiverse.claude.testing.RecordedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Wire fidelity against the official Java SDK ({@code com.anthropic:anthropic-java}): for the same logical request, the
 * JSON body our client sends equals the body the SDK sends, field for field. Both bodies are captured by the simulator
 * and compared as JSON trees, numbers compared by value (an {@code IntNode} 2048 equals a {@code LongNode} 2048).
 * <p>
 * Only the differences the API treats as the same request are normalised, each one named where it is done. Everything
 * else must be equal.
 */
@QuarkusTest
@TestProfile(DefaultClientProfile.class)
class SdkWireFidelityTest extends SimulatorTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String MODEL = "claude-sonnet-4-6";
    static final String WEATHER_SCHEMA = """
            {"type":"object","properties":{"city":{"type":"string","description":"A city name"}},"required":["city"]}""";

    /** The SDK as it comes: it sends {@code anthropic-version: 2026-10-21}. */
    private static AnthropicClient sdk;
    /**
     * The SDK told to speak {@code anthropic-version: 2023-06-01}, on which the API (and the simulator) still accept
     * {@code temperature}, {@code top_p} and {@code top_k}; our client sends that version by default.
     */
    private static AnthropicClient sdkOnOldVersion;

    @Inject
    ClaudeClient claude;


    @BeforeEach
    void reset() {
        simulator.reset();
        if (sdk == null) {
            sdk = AnthropicOkHttpClient.builder()
                    .baseUrl(simulator.baseUrl())
                    .apiKey(ClaudeSimulator.DEFAULT_API_KEY)
                    .maxRetries(0)
                    .build();
            sdkOnOldVersion = AnthropicOkHttpClient.builder()
                    .baseUrl(simulator.baseUrl())
                    .apiKey(ClaudeSimulator.DEFAULT_API_KEY)
                    .maxRetries(0)
                    .putHeader("anthropic-version", "2023-06-01")
                    .build();
        }
    }

    @AfterAll
    static void closeSdk() {
        if (sdk != null) {
            sdk.close();
            sdkOnOldVersion.close();
            sdk = null;
            sdkOnOldVersion = null;
        }
    }

    // ---------------------------------------------------------------- (1) tools

    @Test
    void toolRoundTrip() throws Exception {
        // Ours: ask, get a tool_use, send the assistant turn back with the tool's result.
        MessageRequest ask = MessageRequest.builder()
                .model(MODEL)
                .maxTokens(512)
                .addUserMessage("What is the weather in Paris?")
                .tools(List.of(Tool.of("get_weather", "The current weather of a city", JSON.readTree(WEATHER_SCHEMA))))
                .toolChoice(ToolChoice.auto())
                .build();
        simulator.enqueue(Fault.toolUse("get_weather", "{\"city\":\"Paris\"}"));
        Message first = claude.messages().create(ask);
        JsonNode oursAsk = lastBody();
        assertEquals(StopReason.TOOL_USE, first.stopReason());
        ToolUseBlock call = first.toolUses().get(0);
        claude.messages().create(ask.toBuilder()
                .addMessage(MessageParam.of(first))
                .addMessage(MessageParam.user(List.of(ToolResultBlock.of(call.id(), "18 degrees and sunny"))))
                .build());
        JsonNode oursFollowUp = lastBody();

        // The SDK: the same conversation, its response turned into the assistant turn by the SDK itself.
        MessageCreateParams sdkAsk = MessageCreateParams.builder()
                .model(MODEL)
                .maxTokens(512)
                .addUserMessage("What is the weather in Paris?")
                .addTool(com.anthropic.models.messages.Tool.builder()
                        .name("get_weather")
                        .description("The current weather of a city")
                        .inputSchema(sdkSchema(WEATHER_SCHEMA))
                        .build())
                .toolChoice(ToolChoiceAuto.builder().build())
                .build();
        simulator.enqueue(Fault.toolUse("get_weather", "{\"city\":\"Paris\"}"));
        com.anthropic.models.messages.Message sdkFirst = sdk.messages().create(sdkAsk);
        JsonNode sdkAskBody = lastBody();
        String sdkCallId = sdkFirst.content().get(0).asToolUse().id();
        sdk.messages().create(sdkAsk.toBuilder()
                .addMessage(sdkFirst)
                .addUserMessageOfContentBlockParams(List.of(ContentBlockParam.ofToolResult(ToolResultBlockParam.builder()
                        .toolUseId(sdkCallId)
                        .content("18 degrees and sunny")
                        .build())))
                .build());
        JsonNode sdkFollowUp = lastBody();

        assertSameBody(sdkAskBody, oursAsk);

        // The simulator numbers its tool_use ids, so each client got its own. Each must send back exactly the id it
        // received, in the tool_use block and in the tool_result; then the ids are set aside and the rest compared.
        assertEquals(call.id(), oursFollowUp.at("/messages/1/content/0/id").asText());
        assertEquals(call.id(), oursFollowUp.at("/messages/2/content/0/tool_use_id").asText());
        assertEquals(sdkCallId, sdkFollowUp.at("/messages/1/content/0/id").asText());
        assertEquals(sdkCallId, sdkFollowUp.at("/messages/2/content/0/tool_use_id").asText());
        assertSameBody(withToolIds(sdkFollowUp, "toolu_X"), withToolIds(oursFollowUp, "toolu_X"));
    }

    @Test
    void toolChoicesAndAnErrorResult() throws Exception {
        List<ToolChoice> ours = List.of(ToolChoice.any(), ToolChoice.none(),
                ToolChoice.tool("get_weather").withoutParallelToolUse());
        List<com.anthropic.models.messages.ToolChoice> sdks = List.of(
                com.anthropic.models.messages.ToolChoice.ofAny(ToolChoiceAny.builder().build()),
                com.anthropic.models.messages.ToolChoice.ofNone(ToolChoiceNone.builder().build()),
                com.anthropic.models.messages.ToolChoice.ofTool(ToolChoiceTool.builder()
                        .name("get_weather").disableParallelToolUse(true).build()));
        for (int i = 0; i < ours.size(); i++) {
            claude.messages().create(MessageRequest.builder()
                    .model(MODEL)
                    .maxTokens(200)
                    .addUserMessage("Weather in Atlantis?")
                    .tools(List.of(Tool.of("get_weather", "The current weather of a city", JSON.readTree(WEATHER_SCHEMA))))
                    .toolChoice(ours.get(i))
                    .addMessage(MessageParam.assistant(List.of(new ToolUseBlock("toolu_01A", "get_weather",
                            JSON.readTree("{\"city\":\"Atlantis\"}")))))
                    .addMessage(MessageParam.user(List.of(ToolResultBlock.error("toolu_01A", "unknown city"))))
                    .build());
            JsonNode oursBody = lastBody();

            sdk.messages().create(MessageCreateParams.builder()
                    .model(MODEL)
                    .maxTokens(200)
                    .addUserMessage("Weather in Atlantis?")
                    .addTool(com.anthropic.models.messages.Tool.builder()
                            .name("get_weather")
                            .description("The current weather of a city")
                            .inputSchema(sdkSchema(WEATHER_SCHEMA))
                            .build())
                    .toolChoice(sdks.get(i))
                    .addAssistantMessageOfContentBlockParams(List.of(ContentBlockParam.ofToolUse(ToolUseBlockParam.builder()
                            .id("toolu_01A")
                            .name("get_weather")
                            .input(ToolUseBlockParam.Input.builder()
                                    .putAdditionalProperty("city", JsonValue.from("Atlantis")).build())
                            .build())))
                    .addUserMessageOfContentBlockParams(List.of(ContentBlockParam.ofToolResult(ToolResultBlockParam.builder()
                            .toolUseId("toolu_01A")
                            .content("unknown city")
                            .isError(true)
                            .build())))
                    .build());
            JsonNode sdkBody = lastBody();

            assertSameBody(sdkBody, oursBody);
        }
    }

    // ---------------------------------------------------------------- (2) cached system prompt

    @Test
    void cachedSystemPromptAndTool() throws Exception {
        String rules = "You are a meticulous code reviewer. ".repeat(100);
        claude.messages().create(MessageRequest.builder()
                .model(MODEL)
                .maxTokens(256)
                .system(List.of(new TextBlock("You review Java code."),
                        new TextBlock(rules).withCacheControl(CacheControl.ephemeral("1h"))))
                .tools(List.of(Tool.of("get_weather", "The current weather of a city", JSON.readTree(WEATHER_SCHEMA))
                        .withCacheControl(CacheControl.ephemeral())))
                .addMessage(MessageParam.user(List.of(new TextBlock("Review this: int x = 1;")
                        .withCacheControl(CacheControl.ephemeral("5m")))))
                .build());
        JsonNode ours = lastBody();

        sdk.messages().create(MessageCreateParams.builder()
                .model(MODEL)
                .maxTokens(256)
                .systemOfTextBlockParams(List.of(
                        TextBlockParam.builder().text("You review Java code.").build(),
                        TextBlockParam.builder().text(rules)
                                .cacheControl(CacheControlEphemeral.builder().ttl(CacheControlEphemeral.Ttl.TTL_1H).build())
                                .build()))
                .addTool(com.anthropic.models.messages.Tool.builder()
                        .name("get_weather")
                        .description("The current weather of a city")
                        .inputSchema(sdkSchema(WEATHER_SCHEMA))
                        .cacheControl(CacheControlEphemeral.builder().build())
                        .build())
                .addUserMessageOfContentBlockParams(List.of(ContentBlockParam.ofText(TextBlockParam.builder()
                        .text("Review this: int x = 1;")
                        .cacheControl(CacheControlEphemeral.builder().ttl(CacheControlEphemeral.Ttl.TTL_5M).build())
                        .build())))
                .build());
        JsonNode sdks = lastBody();

        assertEquals("1h", ours.at("/system/1/cache_control/ttl").asText(), ours.toString());
        assertEquals("ephemeral", ours.at("/tools/0/cache_control/type").asText(), ours.toString());
        assertSameBody(sdks, ours);
    }

    // ---------------------------------------------------------------- (3) extended thinking

    @Test
    void thinkingAndItsSignatureSentBack() {
        MessageRequest ask = MessageRequest.builder()
                .model(MODEL)
                .maxTokens(4096)
                .thinking(ThinkingConfig.enabled(2048))
                .addUserMessage("What is two plus two?")
                .build();
        Message answer = claude.messages().create(ask);
        JsonNode oursAsk = lastBody();
        ThinkingBlock thinking = (ThinkingBlock) answer.content().get(0);
        claude.messages().create(ask.toBuilder()
                .addMessage(MessageParam.of(answer))
                .addUserMessage("And three plus three?")
                .build());
        JsonNode oursFollowUp = lastBody();

        MessageCreateParams sdkAsk = MessageCreateParams.builder()
                .model(MODEL)
                .maxTokens(4096)
                .enabledThinking(2048)
                .addUserMessage("What is two plus two?")
                .build();
        com.anthropic.models.messages.Message sdkAnswer = sdk.messages().create(sdkAsk);
        JsonNode sdkAskBody = lastBody();
        sdk.messages().create(sdkAsk.toBuilder()
                .addMessage(sdkAnswer)
                .addUserMessage("And three plus three?")
                .build());
        JsonNode sdkFollowUp = lastBody();

        assertSameBody(sdkAskBody, oursAsk);
        // The simulator signs the thinking text, so both clients got the same block and must send it back unchanged.
        assertEquals(thinking.signature(), oursFollowUp.at("/messages/1/content/0/signature").asText());
        assertEquals(sdkAnswer.content().get(0).asThinking().signature(),
                sdkFollowUp.at("/messages/1/content/0/signature").asText());
        assertSameBody(sdkFollowUp, oursFollowUp);
    }

    // ---------------------------------------------------------------- (4) sampling, stop sequences, metadata, tier

    @Test
    void samplingStopSequencesMetadataAndServiceTier() {
        claude.messages().create(MessageRequest.builder()
                .model(MODEL)
                .maxTokens(300)
                .system("Answer in one line.")
                .addUserMessage("Name a colour.")
                .temperature(0.7)
                .topP(0.9)
                .topK(40)
                .stopSequences(List.of("\n\nHuman:", "END"))
                .userId("user-7f3a")
                .serviceTier("standard_only")
                .build());
        RecordedRequest oursRequest = simulator.lastRequest();

        // SDK 3.13.0 has no setter for temperature, top_p or top_k any more (anthropic-version 2026-10-21 rejects
        // them), so they go in as additional body properties, the SDK's documented way to send a field it lacks.
        sdkOnOldVersion.messages().create(MessageCreateParams.builder()
                .model(MODEL)
                .maxTokens(300)
                .system("Answer in one line.")
                .addUserMessage("Name a colour.")
                .putAdditionalBodyProperty("temperature", JsonValue.from(0.7))
                .putAdditionalBodyProperty("top_p", JsonValue.from(0.9))
                .putAdditionalBodyProperty("top_k", JsonValue.from(40))
                .stopSequences(List.of("\n\nHuman:", "END"))
                .metadata(com.anthropic.models.messages.Metadata.builder().userId("user-7f3a").build())
                .serviceTier(MessageCreateParams.ServiceTier.STANDARD_ONLY)
                .build());
        RecordedRequest sdkRequest = simulator.lastRequest();

        assertEquals("2023-06-01", oursRequest.header("anthropic-version"));
        assertEquals("2023-06-01", sdkRequest.header("anthropic-version"), "the SDK's version header was overridden");
        assertSameBody(sdkRequest.json(), oursRequest.json());
    }

    // ---------------------------------------------------------------- (5) structured outputs

    /** A genre, for an enum property. */
    public enum Genre {
        NOVEL,
        ESSAY
    }

    /** A nested object. */
    public record Publisher(String name, String city) {
    }

    /** A structured output type, as the SDK's users write them. */
    public record Book(String title, int pages, double rating, boolean inPrint, List<String> authors, Genre genre,
            Publisher publisher) {
    }

    @Test
    void structuredOutputOfAJavaType() {
        StructuredAnswer<Book> ours = claude.messages().create(MessageRequest.builder()
                .model(MODEL)
                .maxTokens(300)
                .addUserMessage("Describe a book.")
                .build(), Book.class);
        JsonNode oursBody = lastBody();

        // the SDK derives the schema from the class itself, and reads the simulator's answer into it
        StructuredMessage<Book> theirs = sdk.messages().create(MessageCreateParams.builder()
                .model(MODEL)
                .maxTokens(300)
                .addUserMessage("Describe a book.")
                .outputConfig(Book.class)
                .build());
        JsonNode sdkBody = lastBody();

        // The API reads `required` as a set: the SDK lists the names sorted, we list them in the order of the
        // properties (the record's components, the order the model writes them in). Nothing else is normalised.
        assertSameBody(requiredSorted(sdkBody), requiredSorted(oursBody));
        Book sdkBook = theirs.content().get(0).text().orElseThrow().text();
        assertEquals(sdkBook, ours.value(), "both read the same answer into the same object");
    }

    @Test
    void outputConfigWithEffortAndAHandWrittenSchema() throws Exception {
        String schema = """
                {"type":"object","properties":{"answer":{"type":"string"},"confidence":{"type":"number"}},
                 "required":["answer","confidence"],"additionalProperties":false}""";
        claude.messages().create(MessageRequest.builder()
                .model(MODEL)
                .maxTokens(300)
                .addUserMessage("Is it raining?")
                .outputConfig(OutputConfig.jsonSchema(JSON.readTree(schema)).withEffort("high"))
                .build());
        JsonNode oursBody = lastBody();

        JsonOutputFormat.Schema.Builder sdkSchema = JsonOutputFormat.Schema.builder();
        JSON.readValue(schema, new TypeReference<Map<String, Object>>() {
        }).forEach((k, v) -> sdkSchema.putAdditionalProperty(k, JsonValue.from(v)));
        sdk.messages().create(MessageCreateParams.builder()
                .model(MODEL)
                .maxTokens(300)
                .addUserMessage("Is it raining?")
                .outputConfig(com.anthropic.models.messages.OutputConfig.builder()
                        .format(JsonOutputFormat.builder().schema(sdkSchema.build()).build())
                        .effort(com.anthropic.models.messages.OutputConfig.Effort.HIGH)
                        .build())
                .build());
        JsonNode sdkBody = lastBody();

        assertSameBody(sdkBody, oursBody);
        assertEquals("high", oursBody.at("/output_config/effort").asText());
    }

    // ---------------------------------------------------------------- (6) server tools, citations, top-level fields

    @Test
    void serverToolsAndTheOtherTopLevelFields() {
        MessageRequest ask = MessageRequest.builder()
                .model(MODEL)
                .maxTokens(400)
                .addUserMessage("What changed in Quarkus?")
                .addTool(ServerTool.webSearch().withMaxUses(3).withAllowedDomains(List.of("quarkus.io"))
                        .withUserLocation(UserLocation.approximate("Lyon", "Auvergne-Rhone-Alpes", "FR", "Europe/Paris")))
                .addTool(ServerTool.webFetch().withMaxUses(2).withBlockedDomains(List.of("example.com")).withCitations()
                        .withMaxContentTokens(5000))
                .addTool(ServerTool.codeExecution().withCacheControl(CacheControl.ephemeral()))
                .serviceTier("auto")
                .container("container_01")
                .inferenceGeo("us")
                .cacheControl(CacheControl.ephemeral("1h"))
                .build();
        Message first = claude.messages().create(ask);
        JsonNode oursAsk = lastBody();
        claude.messages().create(ask.toBuilder().addMessage(MessageParam.of(first)).addUserMessage("And before?").build());
        JsonNode oursFollowUp = lastBody();

        MessageCreateParams sdkAsk = MessageCreateParams.builder()
                .model(MODEL)
                .maxTokens(400)
                .addUserMessage("What changed in Quarkus?")
                .addTool(WebSearchTool20250305.builder().maxUses(3L).allowedDomains(List.of("quarkus.io"))
                        .userLocation(com.anthropic.models.messages.UserLocation.builder().city("Lyon")
                                .region("Auvergne-Rhone-Alpes").country("FR").timezone("Europe/Paris").build())
                        .build())
                .addTool(WebFetchTool20250910.builder().maxUses(2L).blockedDomains(List.of("example.com"))
                        .citations(CitationsConfigParam.builder().enabled(true).build()).maxContentTokens(5000L).build())
                .addTool(CodeExecutionTool20250825.builder().cacheControl(CacheControlEphemeral.builder().build()).build())
                .serviceTier(MessageCreateParams.ServiceTier.AUTO)
                .container("container_01")
                .inferenceGeo("us")
                .cacheControl(CacheControlEphemeral.builder().ttl(CacheControlEphemeral.Ttl.TTL_1H).build())
                .build();
        com.anthropic.models.messages.Message sdkFirst = sdk.messages().create(sdkAsk);
        JsonNode sdkAskBody = lastBody();
        sdk.messages().create(sdkAsk.toBuilder().addMessage(sdkFirst).addUserMessage("And before?").build());
        JsonNode sdkFollowUp = lastBody();

        assertSameBody(sdkAskBody, oursAsk);
        // The simulator numbers its server tool ids, so each client got its own; the rest of what each sends back (the
        // search results, their encrypted content, the citation) must be the same.
        assertEquals("server_tool_use", oursFollowUp.at("/messages/1/content/0/type").asText());
        assertEquals(first.content().size(), oursFollowUp.at("/messages/1/content").size());
        assertSameBody(withServerToolIds(sdkFollowUp), withServerToolIds(oursFollowUp));
    }

    @Test
    void everyVersionOfEachServerTool() {
        Map<String, com.anthropic.models.messages.ToolUnion> sdkTools = new java.util.LinkedHashMap<>();
        sdkTools.put(ServerTool.WEB_SEARCH_20250305, ToolUnion.ofWebSearchTool20250305(WebSearchTool20250305.builder().build()));
        sdkTools.put(ServerTool.WEB_SEARCH_20260209, ToolUnion.ofWebSearchTool20260209(WebSearchTool20260209.builder().build()));
        sdkTools.put(ServerTool.WEB_SEARCH_20260318, ToolUnion.ofWebSearchTool20260318(WebSearchTool20260318.builder().build()));
        sdkTools.put(ServerTool.WEB_FETCH_20250910, ToolUnion.ofWebFetchTool20250910(WebFetchTool20250910.builder().build()));
        sdkTools.put(ServerTool.WEB_FETCH_20260209, ToolUnion.ofWebFetchTool20260209(WebFetchTool20260209.builder().build()));
        sdkTools.put(ServerTool.WEB_FETCH_20260309, ToolUnion.ofWebFetchTool20260309(WebFetchTool20260309.builder().build()));
        sdkTools.put(ServerTool.WEB_FETCH_20260318, ToolUnion.ofWebFetchTool20260318(WebFetchTool20260318.builder().build()));
        sdkTools.put(ServerTool.CODE_EXECUTION_20250522,
                ToolUnion.ofCodeExecutionTool20250522(CodeExecutionTool20250522.builder().build()));
        sdkTools.put(ServerTool.CODE_EXECUTION_20250825,
                ToolUnion.ofCodeExecutionTool20250825(CodeExecutionTool20250825.builder().build()));
        sdkTools.put(ServerTool.CODE_EXECUTION_20260120,
                ToolUnion.ofCodeExecutionTool20260120(CodeExecutionTool20260120.builder().build()));
        sdkTools.put(ServerTool.CODE_EXECUTION_20260521,
                ToolUnion.ofCodeExecutionTool20260521(CodeExecutionTool20260521.builder().build()));

        sdkTools.forEach((type, sdkTool) -> {
            claude.messages().create(MessageRequest.builder().model(MODEL).maxTokens(100).addUserMessage("Use it")
                    .addTool(ServerTool.of(type)).build());
            JsonNode ours = lastBody();
            sdk.messages().create(MessageCreateParams.builder().model(MODEL).maxTokens(100).addUserMessage("Use it")
                    .addTool(sdkTool).build());
            assertEquals(type, ours.at("/tools/0/type").asText());
            assertSameBody(lastBody(), ours);
        });
    }

    @Test
    void aDocumentWithCitations() {
        claude.messages().create(MessageRequest.builder().model(MODEL).maxTokens(300)
                .addMessage(MessageParam.user(List.of(
                        new DocumentBlock(ContentSource.text("The grass is green. The sky is blue."), "Facts", null)
                                .withCitations(),
                        new TextBlock("What colour is the grass?"))))
                .build());
        JsonNode ours = lastBody();

        sdk.messages().create(MessageCreateParams.builder().model(MODEL).maxTokens(300)
                .addUserMessageOfContentBlockParams(List.of(
                        ContentBlockParam.ofDocument(DocumentBlockParam.builder()
                                .source(PlainTextSource.builder().data("The grass is green. The sky is blue.").build())
                                .title("Facts")
                                .citations(CitationsConfigParam.builder().enabled(true).build())
                                .build()),
                        ContentBlockParam.ofText(TextBlockParam.builder().text("What colour is the grass?").build())))
                .build());

        assertSameBody(lastBody(), ours);
    }

    // ---------------------------------------------------------------- comparison

    /** A copy with the server tool ids of a follow-up's assistant turn (use and result) replaced by one id. */
    private static JsonNode withServerToolIds(JsonNode followUp) {
        JsonNode copy = followUp.deepCopy();
        ((ObjectNode) copy.at("/messages/1/content/0")).put("id", "srvtoolu_X");
        ((ObjectNode) copy.at("/messages/1/content/1")).put("tool_use_id", "srvtoolu_X");
        return copy;
    }

    private JsonNode lastBody() {
        return simulator.lastRequest().json();
    }

    private static com.anthropic.models.messages.Tool.InputSchema sdkSchema(String schema) throws Exception {
        Map<String, Object> tree = JSON.readValue(schema, new TypeReference<Map<String, Object>>() {
        });
        com.anthropic.models.messages.Tool.InputSchema.Properties.Builder properties = com.anthropic.models.messages.Tool.InputSchema.Properties
                .builder();
        ((Map<?, ?>) tree.get("properties")).forEach((k, v) -> properties.putAdditionalProperty((String) k, JsonValue.from(v)));
        return com.anthropic.models.messages.Tool.InputSchema.builder()
                .properties(properties.build())
                .required(((List<?>) tree.get("required")).stream().map(String.class::cast).toList())
                .build();
    }

    /** A copy with the tool_use id and the tool_result's tool_use_id of a tool follow-up replaced by {@code id}. */
    private static JsonNode withToolIds(JsonNode followUp, String id) {
        JsonNode copy = followUp.deepCopy();
        ((ObjectNode) copy.at("/messages/1/content/0")).put("id", id);
        ((ObjectNode) copy.at("/messages/2/content/0")).put("tool_use_id", id);
        return copy;
    }

    /** A copy whose {@code required} arrays (of a JSON schema) are sorted by name. */
    private static JsonNode requiredSorted(JsonNode node) {
        JsonNode copy = node.deepCopy();
        sortRequired(copy);
        return copy;
    }

    private static void sortRequired(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.get("required") instanceof ArrayNode required) {
                List<String> names = new ArrayList<>();
                required.forEach(name -> names.add(name.asText()));
                names.sort(null);
                required.removeAll();
                names.forEach(required::add);
            }
            object.forEach(SdkWireFidelityTest::sortRequired);
        } else if (node instanceof ArrayNode array) {
            array.forEach(SdkWireFidelityTest::sortRequired);
        }
    }

    /** Asserts that the two bodies are the same JSON, numbers compared by value; lists every difference if not. */
    static void assertSameBody(JsonNode sdk, JsonNode ours) {
        JsonNode expected = canonical(sdk);
        JsonNode actual = canonical(ours);
        List<String> differences = new ArrayList<>();
        diff("", expected, actual, differences);
        assertTrue(differences.isEmpty(), "our body differs from the SDK's:\n  " + String.join("\n  ", differences)
                + "\nSDK:  " + sdk + "\nours: " + ours);
        assertEquals(expected, actual);
    }

    /** Every number becomes a DecimalNode without trailing zeros, so that 2048 (int) equals 2048 (long) and 1.0 equals 1. */
    static JsonNode canonical(JsonNode node) {
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue().stripTrailingZeros();
            return JsonNodeFactory.instance.numberNode(value.signum() == 0 ? BigDecimal.ZERO : value);
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), canonical(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(canonical(item)));
            return copy;
        }
        return node;
    }

    private static void diff(String path, JsonNode sdk, JsonNode ours, List<String> out) {
        if (sdk == null || ours == null) {
            out.add(path + ": " + (sdk == null ? "only ours sends " + ours : "only the SDK sends " + sdk));
        } else if (sdk.isObject() && ours.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            sdk.fieldNames().forEachRemaining(names::add);
            ours.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                diff(path + "/" + name, sdk.get(name), ours.get(name), out);
            }
        } else if (sdk.isArray() && ours.isArray() && sdk.size() == ours.size()) {
            Iterator<JsonNode> a = sdk.elements();
            Iterator<JsonNode> b = ours.elements();
            for (int i = 0; a.hasNext(); i++) {
                diff(path + "/" + i, a.next(), b.next(), out);
            }
        } else if (!sdk.equals(ours)) {
            out.add(path + ": SDK " + sdk + ", ours " + ours);
        }
    }
}
