package org.acme;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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

@ApplicationScoped
public class WeatherAssistant {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ClaudeClient claude;

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
}
