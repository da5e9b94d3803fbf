package io.quarkiverse.claude.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.ClaudeClientName;
import io.quarkiverse.claude.StructuredAnswer;
import io.quarkiverse.claude.errors.InvalidRequestException;
import io.quarkiverse.claude.errors.StructuredOutputException;
import io.quarkiverse.claude.it.ContactResource.Contact;
import io.quarkiverse.claude.it.ContactResource.Kind;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.model.OutputConfig;
import io.quarkiverse.claude.testing.Fault;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Structured outputs against the simulator: Java types in, Java objects out, and the answers that do not fit. */
@QuarkusTest
@TestProfile(DefaultClientProfile.class)
class StructuredOutputTest extends SimulatorTest {

    /** Not used by the application's code: its schema is derived at the first call. */
    record Meeting(String title, LocalDate day, List<String> attendees, Optional<Integer> room) {
    }

    record Node(String name, Node next) {
    }

    @Inject
    ClaudeClient claude;

    @Inject
    @ClaudeClientName("structured-retry")
    ClaudeClient retrying;

    @Test
    void theEndpointAnswersTheRecordClaudeFilled() {
        given().contentType("text/plain").body("Ada Lovelace, 36, of 12 St James's Square, London SW1Y 4JH")
                .when().post("/contacts")
                .then().statusCode(200)
                .body("name", equalTo("name"))
                .body("kind", equalTo("PERSON"))
                .body("age", equalTo(1))
                .body("email", equalTo("email"))
                .body("addresses[0].city", equalTo("city"))
                .body("addresses[0].post_code", equalTo("post_code"));
    }

    @Test
    void theRequestOnTheWireCarriesTheSchema() {
        Contact contact = claude.ask("Ada Lovelace", Contact.class);

        assertEquals(Kind.PERSON, contact.kind());
        JsonNode sent = simulator.lastRequest().json();
        JsonNode format = sent.path("output_config").path("format");
        assertEquals("json_schema", format.path("type").asText());
        JsonNode schema = format.path("schema");
        assertEquals("object", schema.path("type").asText());
        assertFalse(schema.path("additionalProperties").asBoolean(true));
        assertEquals(List.of("name", "kind", "age", "email", "addresses"), names(schema.path("required")));
        assertEquals("Full name, as written", schema.at("/properties/name/description").asText());
        assertEquals(List.of("PERSON", "COMPANY"), names(schema.at("/properties/kind/enum")));
        assertEquals("null", schema.at("/properties/email/anyOf/1/type").asText());
        assertEquals(List.of("city", "post_code"), names(schema.at("/properties/addresses/items/required")));
        assertFalse(sent.path("output_config").has("effort"));
    }

    @Test
    void createKeepsTheAnswerAndTheEffort() {
        StructuredAnswer<Meeting> answer = claude.messages().create(MessageRequest.builder()
                .addUserMessage("Plan the review").outputConfig(OutputConfig.effort("low")).build(), Meeting.class);

        assertEquals(new Meeting("title", LocalDate.of(2026, 11, 30), List.of("attendees"), Optional.of(1)),
                answer.value());
        assertTrue(answer.usage().outputTokens() > 0);
        assertEquals(answer.message().text().length() / 4 + (answer.message().text().length() % 4 == 0 ? 0 : 1),
                answer.usage().outputTokens());
        assertEquals("low", simulator.lastRequest().json().at("/output_config/effort").asText());
    }

    @Test
    void createAsyncGivesTheSameObject() {
        Meeting meeting = claude.messages().createAsync(MessageRequest.of("Plan the review"), Meeting.class)
                .await().indefinitely().value();

        assertEquals("title", meeting.title());
        assertEquals(1, simulator.requests().size());
    }

    @Test
    void aStreamedAnswerIsReadAtTheEnd() {
        List<String> pieces = new ArrayList<>();
        StructuredAnswer<Meeting> answer = claude.messages().stream(MessageRequest.of("Plan the review"),
                Meeting.class, pieces::add);

        assertEquals("title", answer.value().title());
        assertEquals(answer.message().text(), String.join("", pieces));
        assertTrue(simulator.lastRequest().json().path("stream").asBoolean());
        assertEquals("json_schema", simulator.lastRequest().json().at("/output_config/format/type").asText());
    }

    @Test
    void anAnswerThatBreaksTheSchemaIsAStructuredOutputException() {
        simulator.enqueue(Fault.schemaViolation());

        StructuredOutputException e = assertThrows(StructuredOutputException.class,
                () -> claude.ask("Ada Lovelace", Contact.class));

        assertEquals(StructuredOutputException.Reason.SCHEMA_VIOLATION, e.reason());
        assertEquals(Contact.class, e.targetType());
        assertEquals("$.name", e.path());
        assertEquals("required property missing", e.detail());
        assertTrue(e.rawText().startsWith("{\"kind\":\"PERSON\""), e.rawText());
        assertTrue(e.answer().usage().outputTokens() > 0);
        assertTrue(e.requestId().orElseThrow().startsWith("req_"));
        assertEquals(1, simulator.requests().size(), "not retried by default");
    }

    @Test
    void aStreamedAnswerThatBreaksTheSchemaNamesItsRequestId() {
        simulator.enqueue(Fault.schemaViolation());

        StructuredOutputException e = assertThrows(StructuredOutputException.class,
                () -> claude.messages().stream(MessageRequest.of("Ada Lovelace"), Contact.class, text -> {
                }));

        assertEquals(StructuredOutputException.Reason.SCHEMA_VIOLATION, e.reason());
        assertTrue(simulator.lastRequest().json().path("stream").asBoolean(), "streamed");
        String requestId = e.requestId().orElseThrow();
        assertTrue(requestId.startsWith("req_"), requestId);
        assertTrue(e.getMessage().contains(requestId), e.getMessage());
    }

    @Test
    void theEndpointAnswers502ForAnAnswerThatDoesNotFit() {
        simulator.enqueue(Fault.textAnswer("Sorry, here is some prose instead of JSON."));

        given().contentType("text/plain").body("Ada").when().post("/contacts")
                .then().statusCode(502)
                .body("error", equalTo("StructuredOutputException"))
                .body("message", startsWith("Claude's answer does not fit " + Contact.class.getName() + ": $: the text "
                        + "is not JSON"));
    }

    @Test
    void aCutAnswerSaysToRaiseMaxTokensAndIsNotRetried() {
        StructuredOutputException e = assertThrows(StructuredOutputException.class,
                () -> retrying.messages().create(MessageRequest.builder().addUserMessage("Ada").maxTokens(5).build(),
                        Contact.class));

        assertEquals(StructuredOutputException.Reason.MAX_TOKENS, e.reason());
        assertTrue(e.getMessage().contains("Raise max_tokens"), e.getMessage());
        assertEquals(1, simulator.requests().size(), "a cut would repeat: never retried");
    }

    @Test
    void aRefusalIsNotRetried() {
        simulator.enqueue(Fault.refusal());

        StructuredOutputException e = assertThrows(StructuredOutputException.class,
                () -> retrying.ask("Ada", Contact.class));

        assertEquals(StructuredOutputException.Reason.REFUSAL, e.reason());
        assertEquals(1, simulator.requests().size());
    }

    @Test
    void aClientWithStructuredOutputRetriesSendsAgain() {
        simulator.enqueue(Fault.schemaViolation());

        StructuredAnswer<Contact> answer = retrying.messages().create(MessageRequest.of("Ada"), Contact.class);

        assertEquals("name", answer.value().name());
        assertEquals(2, simulator.requests().size(), "the broken answer, then the retry");
    }

    @Test
    void aTypeTheApiCannotTakeFailsBeforeSending() {
        // through a variable, which the build does not follow: a class literal here would fail the build itself
        Class<Node> recursive = Node.class;
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> claude.ask("x", recursive));

        assertTrue(e.getMessage().contains(Node.class.getName() + ": $.next: "), e.getMessage());
        assertTrue(e.getMessage().contains("recursive"), e.getMessage());
        assertEquals(0, simulator.requests().size());
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }
}
