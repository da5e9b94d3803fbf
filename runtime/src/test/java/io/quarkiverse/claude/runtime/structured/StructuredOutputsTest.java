package io.quarkiverse.claude.runtime.structured;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.StructuredAnswer;
import io.quarkiverse.claude.errors.InvalidRequestException;
import io.quarkiverse.claude.errors.StructuredOutputException;
import io.quarkiverse.claude.errors.StructuredOutputException.Reason;
import io.quarkiverse.claude.model.Message;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.model.OutputConfig;
import io.quarkiverse.claude.runtime.json.WireJson;

/** Answers read into a type, and every way they can fail to be. */
class StructuredOutputsTest {

    record Address(String city) {
    }

    record Person(String name, int age, Optional<String> nickname, LocalDate born, List<Address> homes) {
    }

    record Loop(Loop next, String name) {
    }

    @Test
    void anAnswerThatFollowsTheSchemaBecomesTheObject() throws Exception {
        Message answer = answer("""
                {"name":"Ada","age":36,"nickname":null,"born":"1815-12-10","homes":[{"city":"London"}]}""", "end_turn");
        StructuredAnswer<Person> person = StructuredOutputs.read(answer, Person.class, "req_1");
        assertEquals(new Person("Ada", 36, Optional.empty(), LocalDate.of(1815, 12, 10),
                List.of(new Address("London"))), person.value());
        assertEquals(12, person.usage().outputTokens());
    }

    @Test
    void aMissingPropertyNamesItsPath() throws Exception {
        StructuredOutputException e = failure("""
                {"name":"Ada","age":36,"nickname":"A","born":"1815-12-10","homes":[{"town":"London"}]}""", "end_turn");
        assertEquals(Reason.SCHEMA_VIOLATION, e.reason());
        assertEquals("$.homes[0].city", e.path());
        assertEquals("required property missing", e.detail());
        assertEquals(Person.class, e.targetType());
        assertTrue(e.isRetryable());
        assertEquals("req_1", e.requestId().orElseThrow());
        assertTrue(e.rawText().contains("town"));
        assertFalse(e.getMessage().contains("Ada"), "no answer text in the message: " + e.getMessage());
        assertTrue(e.getMessage().contains(Person.class.getName() + ": $.homes[0].city: required property missing"),
                e.getMessage());
    }

    @Test
    void aWrongTypeAnUnknownPropertyAndAnUnreadableValue() throws Exception {
        StructuredOutputException wrong = failure("""
                {"name":"Ada","age":"old","nickname":null,"born":"1815-12-10","homes":[]}""", "end_turn");
        assertEquals("$.age", wrong.path());
        assertEquals("expected an integer, found a string", wrong.detail());
        StructuredOutputException extra = failure("""
                {"name":"Ada","age":3,"nickname":null,"born":"1815-12-10","homes":[],"x":1}""", "end_turn");
        assertEquals("$.x", extra.path());
        StructuredOutputException date = failure("""
                {"name":"Ada","age":3,"nickname":null,"born":"10 Dec 1815","homes":[]}""", "end_turn");
        assertEquals("$.born", date.path());
        assertEquals("the value cannot be read as java.time.LocalDate", date.detail());
        assertFalse(date.getMessage().contains("1815"), date.getMessage());
    }

    @Test
    void textThatIsNotJson() throws Exception {
        StructuredOutputException e = failure("{\"name\":\"Ada\",", "end_turn");
        assertEquals(Reason.NOT_JSON, e.reason());
        assertEquals("$", e.path());
        assertEquals(Reason.NOT_JSON, failure("{\"name\":\"Ada\"} and more", "end_turn").reason());
    }

    @Test
    void aCutOrARefusalIsNeverRetryable() throws Exception {
        StructuredOutputException cut = failure("{\"name\":\"Ad", "max_tokens");
        assertEquals(Reason.MAX_TOKENS, cut.reason());
        assertFalse(cut.isRetryable());
        assertTrue(cut.getMessage().contains("Raise max_tokens"), cut.getMessage());
        StructuredOutputException refused = failure("I can't help with that.", "refusal");
        assertEquals(Reason.REFUSAL, refused.reason());
        assertFalse(refused.isRetryable());
    }

    @Test
    void theRequestCarriesTheSchemaAndKeepsTheEffort() {
        MessageRequest request = StructuredOutputs.request(MessageRequest.builder().addUserMessage("hi")
                .outputConfig(OutputConfig.effort("low")).build(), Person.class);
        assertEquals("low", request.outputConfig().effort());
        assertEquals("json_schema", request.outputConfig().format().type());
        assertEquals(JsonSchemas.of(Person.class), request.outputConfig().format().schema());
        String json = WireJson.MAPPER.valueToTree(request).get("output_config").toString();
        assertTrue(json.startsWith("{\"format\":{\"type\":\"json_schema\",\"schema\":{\"$schema\":"), json);
        assertTrue(json.endsWith(",\"effort\":\"low\"}"), json);
    }

    @Test
    void aTypeTheApiCannotTakeFailsBeforeSending() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> StructuredOutputs.request(MessageRequest.of("hi"), Loop.class));
        assertTrue(e.getMessage().contains(Loop.class.getName() + ": $.next: "), e.getMessage());
        assertTrue(e.getMessage().contains("nothing was sent"), e.getMessage());
    }

    private static StructuredOutputException failure(String text, String stopReason) throws Exception {
        Message answer = answer(text, stopReason);
        return assertThrows(StructuredOutputException.class, () -> StructuredOutputs.read(answer, Person.class, "req_1"));
    }

    private static Message answer(String text, String stopReason) throws Exception {
        var message = WireJson.MAPPER.createObjectNode().put("id", "msg_1").put("type", "message")
                .put("role", "assistant").put("model", "claude-sonnet-4-6").put("stop_reason", stopReason);
        message.putArray("content").addObject().put("type", "text").put("text", text);
        message.putObject("usage").put("input_tokens", 10).put("output_tokens", 12);
        return WireJson.MAPPER.treeToValue(message, Message.class);
    }
}
