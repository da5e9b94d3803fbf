package io.quarkiverse.claude.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.deployment.checks.SharedSimulator;
import io.quarkiverse.claude.errors.InvalidRequestException;
import io.quarkiverse.claude.model.Message;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.model.ModelPage;
import io.quarkiverse.claude.model.PageParams;
import io.quarkiverse.claude.model.batch.BatchRequest;
import io.quarkiverse.claude.model.batch.BatchResult;
import io.quarkiverse.claude.runtime.rest.ClaudeRestApi;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An application whose {@code ObjectMapperCustomizer} changes everything it can about JSON, and whose
 * {@code ContextResolver<ObjectMapper>} gives every REST Client a mapper that wraps roots: what the client sends is
 * still byte for byte the API's JSON, and every kind of answer, with fields this version does not know, still reads
 * (also through the raw REST interface, which reads through the REST Client's Jackson reader).
 */
class WireJsonIgnoresTheApplicationMapperTest {

    static final String BASE_URL = SharedSimulator.baseUrl(WireJsonIgnoresTheApplicationMapperTest.class,
            ClaudeSimulator::start);

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(HostileJson.class, ShoutingStrings.class, HostileResolver.class, SharedSimulator.class))
            .overrideConfigKey("quarkus.claude.model", "claude-haiku-4-5")
            // the @Provider brings up the HTTP server
            .overrideConfigKey("quarkus.http.host", "127.0.0.1")
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideRuntimeConfigKey("quarkus.claude.api-key", ClaudeSimulator.DEFAULT_API_KEY)
            .overrideRuntimeConfigKey("quarkus.claude.base-url", BASE_URL);

    /** The request of every call below, and its JSON as the API expects it. */
    static final MessageRequest HELLO = MessageRequest.builder().addUserMessage("Hello").build();
    static final String HELLO_JSON = "{\"model\":\"claude-haiku-4-5\",\"max_tokens\":1024,\"messages\":[{\"role\":"
            + "\"user\",\"content\":\"Hello\"}]}";

    @Inject
    ClaudeClient claude;

    @Inject
    @RestClient
    ClaudeRestApi rest;

    @Inject
    ObjectMapper applicationMapper;

    @AfterAll
    static void stop() {
        SharedSimulator.stop(WireJsonIgnoresTheApplicationMapperTest.class);
    }

    @Test
    void theApplicationMapperIsReallyCustomised() throws IOException {
        assertEquals("{\"String\":\"HELLO\"}", applicationMapper.writeValueAsString("hello"));
    }

    @Test
    void requestsAreTheApiJson() {
        int messages = bodies("/v1/messages").size();
        int counts = bodies("/v1/messages/count_tokens").size();
        int batches = bodies("/v1/messages/batches").size();

        claude.messages().create(HELLO);
        claude.messages().createAsync(HELLO).await().indefinitely();
        claude.messages().stream(HELLO, text -> {
        });
        claude.messages().countTokens(HELLO);
        claude.batches().create(List.of(BatchRequest.of("first", HELLO)));

        assertEquals(List.of(HELLO_JSON, HELLO_JSON, HELLO_JSON.replace("}]}", "}],\"stream\":true}")),
                bodies("/v1/messages").subList(messages, messages + 3));
        assertEquals(List.of("{\"model\":\"claude-haiku-4-5\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}"),
                bodies("/v1/messages/count_tokens").subList(counts, counts + 1));
        assertEquals(List.of("{\"requests\":[{\"custom_id\":\"first\",\"params\":" + HELLO_JSON + "}]}"),
                bodies("/v1/messages/batches").subList(batches, batches + 1));
    }

    @Test
    void messagesWithUnknownFieldsRead() {
        String message = "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-haiku-4-5\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"Hi there\",\"future_field\":1}],\"stop_reason\":"
                + "\"end_turn\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":3,\"output_tokens\":2,"
                + "\"future_usage\":null},\"future_top\":{\"a\":[1,2]}}";
        answer(200, "application/json", message);
        assertEquals("Hi there", claude.messages().create(HELLO).text());
        answer(200, "application/json", message);
        assertEquals("Hi there", claude.messages().createAsync(HELLO).await().indefinitely().text());
        answer(200, "application/json", message);
        Message raw = rest.createMessage(HELLO);
        assertEquals("Hi there", raw.text());
    }

    @Test
    void streamsWithUnknownFieldsRead() {
        answer(200, "text/event-stream", """
                event: message_start
                data: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"claude-haiku-4-5","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":3,"output_tokens":1,"future_usage":1},"future":1}}

                event: content_block_start
                data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":"","future":1}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi there","future":1},"future":1}

                event: content_block_stop
                data: {"type":"content_block_stop","index":0,"future":1}

                event: message_delta
                data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null,"future":1},"usage":{"output_tokens":2,"future":1}}

                event: message_stop
                data: {"type":"message_stop","future":1}

                """);
        StringBuilder streamed = new StringBuilder();
        Message message = claude.messages().stream(HELLO, streamed::append);
        assertEquals("Hi there", streamed.toString());
        assertEquals("Hi there", message.text());
        assertEquals(2, message.usage().outputTokens());
    }

    @Test
    void tokenCountsModelsAndBatchResultsWithUnknownFieldsRead() {
        answer(200, "application/json", "{\"input_tokens\":12,\"future\":[true]}");
        assertEquals(12, claude.messages().countTokens(HELLO).inputTokens());

        answer(200, "application/json", "{\"data\":[{\"type\":\"model\",\"id\":\"claude-haiku-4-5\",\"display_name\":"
                + "\"Claude Haiku 4.5\",\"created_at\":\"2025-10-01T00:00:00Z\",\"future\":1}],\"has_more\":false,"
                + "\"first_id\":\"claude-haiku-4-5\",\"last_id\":\"claude-haiku-4-5\",\"future\":null}");
        ModelPage models = claude.models().list(PageParams.first(1));
        assertEquals("Claude Haiku 4.5", models.data().get(0).displayName());

        answer(200, "application/binary", """
                {"custom_id":"first","result":{"type":"succeeded","message":{"id":"msg_1","type":"message","role":"assistant","model":"claude-haiku-4-5","content":[{"type":"text","text":"Hi there"}],"stop_reason":"end_turn","usage":{"input_tokens":3,"output_tokens":2},"future":1},"future":1},"future":1}
                {"custom_id":"second","result":{"type":"errored","error":{"type":"error","error":{"type":"invalid_request_error","message":"bad request","future":1}}}}
                """);
        List<BatchResult> results = claude.batches().results("msgbatch_1").collect().asList().await().indefinitely();
        assertEquals("Hi there", results.get(0).message().text());
        assertInstanceOf(InvalidRequestException.class, results.get(1).error());
        assertEquals("bad request", results.get(1).error().errorMessage());
    }

    @Test
    void errorsWithUnknownFieldsRead() {
        answer(400, "application/json", "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":"
                + "\"max_tokens: too large\",\"details\":{\"future\":1},\"future\":1},\"request_id\":\"req_wire\","
                + "\"future\":1}");
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> claude.messages().create(HELLO));
        assertEquals("max_tokens: too large", e.errorMessage());
        assertEquals("req_wire", e.requestId().orElseThrow());
    }

    private static List<String> bodies(String path) {
        return SharedSimulator.rawBodies(WireJsonIgnoresTheApplicationMapperTest.class, path);
    }

    private static void answer(int status, String contentType, String body) {
        SharedSimulator.enqueue(WireJsonIgnoresTheApplicationMapperTest.class, status, contentType, body, Map.of());
    }

    /** What an application may do to its own JSON; none of it must reach the API's. */
    @Singleton
    public static class HostileJson implements ObjectMapperCustomizer {
        @Override
        public void customize(ObjectMapper mapper) {
            mapper.enable(SerializationFeature.WRAP_ROOT_VALUE);
            mapper.enable(DeserializationFeature.UNWRAP_ROOT_VALUE);
            mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
            mapper.setSerializationInclusion(JsonInclude.Include.ALWAYS);
            mapper.setPropertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE);
            mapper.registerModule(new SimpleModule().addSerializer(String.class, new ShoutingStrings()));
        }
    }

    /**
     * The REST Client's own way to give its clients another mapper: a provider, which it registers on every REST
     * Client of the application; this one asks to come before the others.
     */
    @Provider
    @Priority(1)
    public static class HostileResolver implements ContextResolver<ObjectMapper> {
        private final ObjectMapper wrapping = new ObjectMapper().enable(SerializationFeature.WRAP_ROOT_VALUE)
                .enable(DeserializationFeature.UNWRAP_ROOT_VALUE);

        @Override
        public ObjectMapper getContext(Class<?> type) {
            return wrapping;
        }
    }

    /** Writes every String in capitals. */
    public static class ShoutingStrings extends StdSerializer<String> {
        public ShoutingStrings() {
            super(String.class);
        }

        @Override
        public void serialize(String value, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeString(value.toUpperCase(Locale.ROOT));
        }
    }
}
