package io.quarkiverse.claude.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.model.Message;
import io.quarkiverse.claude.model.MessageParam;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.model.StopReason;
import io.quarkiverse.claude.model.Tool;
import io.quarkiverse.claude.model.ToolChoice;
import io.quarkiverse.claude.model.ToolResultBlock;
import io.quarkiverse.claude.model.ToolUseBlock;
import io.quarkiverse.claude.testing.Fault;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A full tool round trip: the model asks for a tool, the application answers, the model sees the result. */
@QuarkusTest
@TestProfile(DefaultClientProfile.class)
class ToolUseTest extends SimulatorTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ClaudeClient claude;



    static Tool weatherTool() throws Exception {
        return Tool.of("get_weather", "The current weather of a city", JSON.readTree("""
                {"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}"""));
    }

    @Test
    void toolRoundTrip() throws Exception {
        simulator.enqueue(Fault.toolUse("get_weather", "{\"city\":\"Paris\"}"));
        MessageRequest ask = MessageRequest.builder()
                .addUserMessage("What is the weather in Paris?")
                .tools(List.of(weatherTool()))
                .toolChoice(ToolChoice.auto())
                .build();

        Message first = claude.messages().create(ask);

        assertEquals(StopReason.TOOL_USE, first.stopReason());
        ToolUseBlock call = first.toolUses().get(0);
        assertEquals("get_weather", call.name());
        assertEquals("Paris", call.input().get("city").asText());
        JsonNode sent = simulator.lastRequest().json();
        assertEquals("get_weather", sent.at("/tools/0/name").asText());
        assertEquals("string", sent.at("/tools/0/input_schema/properties/city/type").asText());
        assertEquals("auto", sent.at("/tool_choice/type").asText());

        Message second = claude.messages().create(ask.toBuilder()
                .addMessage(MessageParam.of(first))
                .addMessage(MessageParam.user(List.of(ToolResultBlock.of(call.id(), "18 degrees and sunny"))))
                .build());

        JsonNode followUp = simulator.lastRequest().json();
        assertEquals("assistant", followUp.at("/messages/1/role").asText());
        assertEquals("tool_use", followUp.at("/messages/1/content/0/type").asText());
        assertEquals(call.id(), followUp.at("/messages/1/content/0/id").asText());
        assertEquals("Paris", followUp.at("/messages/1/content/0/input/city").asText());
        assertEquals("tool_result", followUp.at("/messages/2/content/0/type").asText());
        assertEquals(call.id(), followUp.at("/messages/2/content/0/tool_use_id").asText());
        assertEquals("Echo: 18 degrees and sunny", second.text(), "the model saw the tool's result");
        assertEquals(StopReason.END_TURN, second.stopReason());
    }

    @Test
    void toolChoicesAndErrorResultsGoOnTheWire() throws Exception {
        for (ToolChoice choice : List.of(ToolChoice.any(), ToolChoice.none(), ToolChoice.tool("get_weather"))) {
            claude.messages().create(MessageRequest.builder().addUserMessage("weather?")
                    .tools(List.of(weatherTool())).toolChoice(choice).build());
            JsonNode sent = simulator.lastRequest().json().get("tool_choice");
            assertEquals(choice.type(), sent.get("type").asText());
            assertEquals(choice.name(), sent.has("name") ? sent.get("name").asText() : null);
        }

        claude.messages().create(MessageRequest.builder().addUserMessage("weather?")
                .addMessage(MessageParam.assistant(List.of(new ToolUseBlock("toolu_1", "get_weather",
                        JSON.readTree("{\"city\":\"Atlantis\"}")))))
                .addMessage(MessageParam.user(List.of(ToolResultBlock.error("toolu_1", "unknown city")))).build());
        JsonNode result = simulator.lastRequest().json().at("/messages/2/content/0");
        assertTrue(result.get("is_error").asBoolean());
        assertEquals("unknown city", result.get("content").asText());
    }
}
