package io.quarkiverse.claude.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ModelJsonTest {

    private final ObjectMapper json = new ObjectMapper();

    private static final String FUTURE_RESPONSE = """
            {"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-6",
             "content":[
               {"type":"text","text":"Hello","citations":[{"type":"char_location","cited_text":"x"}]},
               {"type":"thinking","thinking":"hmm","signature":"sig"},
               {"type":"redacted_thinking","data":"opaque"},
               {"type":"tool_use","id":"toolu_1","name":"weather","input":{"city":"Paris"}},
               {"type":"future_block","payload":{"a":1},"note":"kept"}
             ],
             "stop_reason":"future_reason","stop_sequence":null,
             "usage":{"input_tokens":12,"output_tokens":7,"cache_creation_input_tokens":3,"cache_read_input_tokens":4,
                      "service_tier":"standard"},
             "future_top_level":{"x":[1,2]}}
            """;

    @Test
    void unknownBlocksFieldsAndStopReasonsAreKeptAndWrittenBack() throws Exception {
        Message message = json.readValue(FUTURE_RESPONSE, Message.class);

        assertEquals("Hello", message.text());
        assertInstanceOf(ThinkingBlock.class, message.content().get(1));
        assertEquals("opaque", ((RedactedThinkingBlock) message.content().get(2)).data());
        assertEquals("Paris", message.toolUses().get(0).input().get("city").asText());
        UnknownBlock unknown = assertInstanceOf(UnknownBlock.class, message.content().get(4));
        assertEquals("future_block", unknown.type());
        assertEquals("kept", unknown.extraFields().get("note"));
        assertEquals("future_reason", message.stopReason().value());
        assertFalse(message.stopReason().isKnown());
        assertEquals("standard", message.usage().extraFields().get("service_tier"));
        assertEquals(3, message.usage().cacheCreationInputTokens());
        assertEquals(4, message.usage().cacheReadInputTokens());
        assertEquals("x", ((TextBlock) message.content().get(0)).citations().get(0).citedText());

        JsonNode written = json.readTree(json.writeValueAsString(message));
        assertEquals(json.readTree(FUTURE_RESPONSE), written, "the response is written back field for field");
    }

    @Test
    void knownStopReasonsIncludeRefusalAndPauseTurn() throws Exception {
        assertEquals(StopReason.REFUSAL, json.readValue("\"refusal\"", StopReason.class));
        assertEquals(StopReason.PAUSE_TURN, json.readValue("\"pause_turn\"", StopReason.class));
        assertTrue(StopReason.PAUSE_TURN.isKnown());
    }

    @Test
    void requestUsesTheWireNamesAndLeavesUnsetFieldsOut() {
        MessageRequest request = MessageRequest.builder()
                .model("claude-sonnet-4-6").maxTokens(256)
                .system(List.of(new TextBlock("Be brief").withCacheControl(CacheControl.ephemeral("1h"))))
                .addUserMessage("Hi")
                .addMessage(MessageParam.assistant(List.of(new ToolUseBlock("toolu_1", "weather",
                        json.createObjectNode().put("city", "Paris")))))
                .addMessage(MessageParam.user(List.of(ToolResultBlock.of("toolu_1", "sunny"))))
                .temperature(0.5).topP(0.9).topK(40).stopSequences(List.of("END"))
                .userId("user-42")
                .tools(List.of(Tool.of("weather", "Weather by city", json.createObjectNode().put("type", "object"))))
                .toolChoice(ToolChoice.tool("weather").withoutParallelToolUse())
                .thinking(ThinkingConfig.enabled(2048))
                .serviceTier("auto")
                .extraField("future_param", Map.of("on", true))
                .build();

        JsonNode body = json.valueToTree(request);

        assertEquals("claude-sonnet-4-6", body.get("model").asText());
        assertEquals(256, body.get("max_tokens").asInt());
        assertEquals("1h", body.at("/system/0/cache_control/ttl").asText());
        assertEquals("Hi", body.at("/messages/0/content").asText());
        assertEquals("tool_use", body.at("/messages/1/content/0/type").asText());
        assertEquals("toolu_1", body.at("/messages/2/content/0/tool_use_id").asText());
        assertEquals("sunny", body.at("/messages/2/content/0/content").asText());
        assertEquals(0.9, body.get("top_p").asDouble());
        assertEquals(40, body.get("top_k").asInt());
        assertEquals("END", body.at("/stop_sequences/0").asText());
        assertEquals("user-42", body.at("/metadata/user_id").asText());
        assertEquals("object", body.at("/tools/0/input_schema/type").asText());
        assertEquals("tool", body.at("/tool_choice/type").asText());
        assertTrue(body.at("/tool_choice/disable_parallel_tool_use").asBoolean());
        assertEquals(2048, body.at("/thinking/budget_tokens").asInt());
        assertEquals("auto", body.get("service_tier").asText());
        assertTrue(body.at("/future_param/on").asBoolean());
        assertFalse(body.has("stream"), "unset fields are not sent");
    }

    @Test
    void requestReadsBackStringAndBlockContent() throws Exception {
        MessageRequest request = json.readValue("""
                {"model":"m","max_tokens":5,"system":"sys","messages":[
                  {"role":"user","content":"plain"},
                  {"role":"user","content":[{"type":"text","text":"block"},{"type":"image","source":{"type":"url","url":"https://x/y.png"}}]}]}
                """, MessageRequest.class);

        assertEquals("sys", request.system().get(0).textOrNull());
        assertEquals("plain", request.messages().get(0).content().get(0).textOrNull());
        assertEquals("https://x/y.png", ((ImageBlock) request.messages().get(1).content().get(1)).source().url());
        assertEquals("\"plain\"", json.writeValueAsString(json.valueToTree(request).at("/messages/0/content")));
    }

    @Test
    void toolResultSendsIsErrorOnlyUnderItsApiName() throws Exception {
        JsonNode ok = json.valueToTree(ToolResultBlock.of("toolu_1", "sunny"));
        JsonNode failed = json.valueToTree(ToolResultBlock.error("toolu_1", "unknown city"));

        assertEquals(json.readTree("""
                {"type":"tool_result","tool_use_id":"toolu_1","content":"sunny"}"""), ok);
        assertEquals(json.readTree("""
                {"type":"tool_result","tool_use_id":"toolu_1","content":"unknown city","is_error":true}"""), failed);

        ToolResultBlock read = json.readValue(failed.toString(), ToolResultBlock.class);
        assertTrue(read.isError());
        assertTrue(read.extraFields().isEmpty(), read.extraFields().toString());
    }

    @Test
    void convenienceMethodsNeverBecomeFields() throws Exception {
        String batch = "{\"id\":\"msgbatch_1\",\"type\":\"message_batch\",\"processing_status\":\"ended\"}";
        JsonNode written = json.valueToTree(json.readValue(batch, io.quarkiverse.claude.model.batch.MessageBatch.class));
        assertFalse(written.has("ended"), written.toString());
        assertEquals("ended", written.get("processing_status").asText());
    }
}
