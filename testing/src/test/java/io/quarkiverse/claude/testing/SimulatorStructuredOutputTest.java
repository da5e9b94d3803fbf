package io.quarkiverse.claude.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/** Structured outputs: answers that follow the request's schema, the API's checks of it, and the faults. */
class SimulatorStructuredOutputTest {

    @RegisterExtension
    static final RunningSimulator running = new RunningSimulator();

    static final String SCHEMA = """
            {"type":"object","properties":{
              "name":{"type":"string"},
              "age":{"type":"integer"},
              "score":{"type":"number"},
              "member":{"type":"boolean"},
              "colour":{"type":"string","enum":["RED","GREEN"]},
              "born":{"type":"string","format":"date"},
              "nickname":{"anyOf":[{"type":"string"},{"type":"null"}]},
              "tags":{"type":"array","items":{"type":"string"}},
              "address":{"$ref":"#/$defs/Address"}},
             "required":["name","age","score","member","colour","born","nickname","tags","address"],
             "additionalProperties":false,
             "$defs":{"Address":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"],
               "additionalProperties":false}}}""";

    static String request(int maxTokens, String schema) {
        return "{\"output_config\":{\"format\":{\"type\":\"json_schema\",\"schema\":" + schema
                + "},\"effort\":\"low\"}," + Http.message("claude-sonnet-4-6", maxTokens, "Who?").substring(1);
    }

    @Test
    void answersJsonThatFollowsTheSchema() throws Exception {
        HttpResponse<String> r = running.http().post("/v1/messages", request(1000, SCHEMA));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode m = Http.json(r);
        assertEquals("end_turn", m.path("stop_reason").asText());
        JsonNode answer = Http.MAPPER.readTree(m.path("content").get(0).path("text").asText());
        assertEquals(Http.MAPPER.readTree("""
                {"name":"name","age":1,"score":1.5,"member":true,"colour":"RED","born":"2026-11-30","nickname":"nickname",
                 "tags":["tags"],"address":{"city":"city"}}"""), answer);
        int text = m.path("content").get(0).path("text").asText().length();
        assertEquals((text + 3) / 4, m.path("usage").path("output_tokens").asInt());
    }

    @Test
    void aSmallMaxTokensCutsTheJson() throws Exception {
        JsonNode m = Http.json(running.http().post("/v1/messages", request(5, SCHEMA)));
        assertEquals("max_tokens", m.path("stop_reason").asText());
        assertEquals(20, m.path("content").get(0).path("text").asText().length());
        assertEquals(5, m.path("usage").path("output_tokens").asInt());
    }

    @Test
    void streamsTheSameJson() throws Exception {
        HttpResponse<String> plain = running.http().post("/v1/messages", request(1000, SCHEMA));
        HttpResponse<String> streamed = running.http().post("/v1/messages",
                request(1000, SCHEMA).replaceFirst("^\\{", "{\"stream\":true,"));
        StringBuilder text = new StringBuilder();
        for (Http.Event event : Http.events(streamed.body())) {
            if (event.name().equals("content_block_delta")) {
                text.append(event.data().path("delta").path("text").asText());
            }
        }
        assertEquals(Http.json(plain).path("content").get(0).path("text").asText(), text.toString());
    }

    @Test
    void refusesAnObjectWithoutAdditionalPropertiesFalse() throws Exception {
        HttpResponse<String> r = running.http().post("/v1/messages", request(100, """
                {"type":"object","properties":{"a":{"type":"object","properties":{"b":{"type":"string"}}}},
                 "required":["a"],"additionalProperties":false}"""));
        assertEquals(400, r.statusCode());
        assertEquals("output_config.format.schema.a: For 'object' type, 'additionalProperties' must be explicitly set "
                + "to false", Http.json(r).path("error").path("message").asText());
    }

    @Test
    void refusesAnUnknownFormatOrEffort() throws Exception {
        HttpResponse<String> format = running.http().post("/v1/messages", request(100, SCHEMA)
                .replace("\"type\":\"json_schema\"", "\"type\":\"xml\""));
        assertEquals(400, format.statusCode());
        assertTrue(Http.json(format).path("error").path("message").asText().startsWith("output_config.format: "));
        HttpResponse<String> effort = running.http().post("/v1/messages", request(100, SCHEMA)
                .replace("\"effort\":\"low\"", "\"effort\":\"huge\""));
        assertEquals(400, effort.statusCode());
        assertTrue(Http.json(effort).path("error").path("message").asText().startsWith("output_config.effort: "));
    }

    @Test
    void theSchemaViolationFaultDropsTheFirstProperty() throws Exception {
        running.sim().enqueue(Fault.schemaViolation());
        JsonNode m = Http.json(running.http().post("/v1/messages", request(1000, SCHEMA)));
        JsonNode answer = Http.MAPPER.readTree(m.path("content").get(0).path("text").asText());
        assertFalse(answer.has("name"), answer.toString());
        assertEquals(1, answer.path("age").asInt());
        assertEquals("end_turn", m.path("stop_reason").asText());
    }

    @Test
    void textAnswersAndRefusals() throws Exception {
        running.sim().enqueue(Fault.textAnswer("{\"name\":"), Fault.refusal());
        JsonNode text = Http.json(running.http().post("/v1/messages", request(1000, SCHEMA)));
        assertEquals("{\"name\":", text.path("content").get(0).path("text").asText());
        assertEquals("end_turn", text.path("stop_reason").asText());
        JsonNode refusal = Http.json(running.http().post("/v1/messages", request(1000, SCHEMA)));
        assertEquals("refusal", refusal.path("stop_reason").asText());
        assertEquals(List.of("text"), List.of(refusal.path("content").get(0).path("type").asText()));
    }
}
