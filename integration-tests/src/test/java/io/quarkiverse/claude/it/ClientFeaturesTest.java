package io.quarkiverse.claude.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.ClaudeClientName;
import io.quarkiverse.claude.errors.ClaudeConnectionException;
import io.quarkiverse.claude.errors.ClientTimeoutException;
import io.quarkiverse.claude.model.Message;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.model.ModelPage;
import io.quarkiverse.claude.model.PageParams;
import io.quarkiverse.claude.model.UnknownBlock;
import io.quarkiverse.claude.runtime.rest.ClaudeRestApi;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.Fault;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Transport failures, forward compatibility, the other endpoints, the raw REST interface and redacted logging. */
@QuarkusTest
@TestProfile(DefaultClientProfile.class)
class ClientFeaturesTest extends SimulatorTest {

    @Inject
    ClaudeClient claude;

    @Inject
    @ClaudeClientName("offline")
    ClaudeClient offline;

    @Inject
    @ClaudeClientName("impatient")
    ClaudeClient impatient;

    @Inject
    @ClaudeClientName("logged")
    ClaudeClient logged;

    @Inject
    @RestClient
    ClaudeRestApi rawApi;



    @Test
    void connectionRefusedIsATypedConnectionFailure() {
        ClaudeConnectionException e = assertThrows(ClaudeConnectionException.class, () -> offline.ask("hi"));

        assertTrue(e.isRetryable());
        assertTrue(e.getMessage().contains("http://127.0.0.1:1"), e.getMessage());
        assertTrue(e.getMessage().contains("quarkus.claude.\"offline\".base-url"), e.getMessage());
    }

    @Test
    void droppedConnectionIsATypedConnectionFailure() {
        simulator.enqueue(Fault.dropConnection());

        ClaudeConnectionException e = assertThrows(ClaudeConnectionException.class, () -> claude.ask("hi"));

        assertTrue(e.isRetryable());
        assertEquals(1, simulator.requests("/v1/messages").size());
    }

    @Test
    void slowAnswerIsATypedTimeout() {
        simulator.enqueue(Fault.delay(Duration.ofSeconds(3)));

        ClientTimeoutException e = assertThrows(ClientTimeoutException.class, () -> impatient.ask("hi"));

        assertEquals(Duration.ofMillis(300), e.timeout());
        assertTrue(e.getMessage().contains("quarkus.claude.\"impatient\".read-timeout"), e.getMessage());
        assertTrue(e.isRetryable());
    }

    @Test
    void asyncConnectionFailureIsTypedToo() {
        Throwable failure = assertThrows(Throwable.class,
                () -> offline.messages().createAsync(MessageRequest.of("hi")).await().atMost(Duration.ofSeconds(10)));

        assertInstanceOf(ClaudeConnectionException.class, failure);
    }

    @Test
    void unknownFieldsAndBlocksAreKept() {
        simulator.enqueue(Fault.withExtraFields());

        Message message = claude.messages().create(MessageRequest.of("future"));

        assertTrue(message.extraFields().containsKey("sim_future_field"), message.extraFields().toString());
        UnknownBlock block = message.content().stream().filter(UnknownBlock.class::isInstance)
                .map(UnknownBlock.class::cast).findFirst().orElseThrow();
        assertEquals("sim_future_block", block.type());
        assertTrue(block.extraFields().containsKey("payload"));
        assertFalse(message.usage().extraFields().isEmpty(), "unknown usage fields are kept");
        assertTrue(message.text().startsWith("Echo: future"), message.text());
    }

    @Test
    void countsTokensWithTheSameRequestModel() {
        MessageRequest request = MessageRequest.builder().system("You count.").addUserMessage("twelve chars").build();

        long tokens = claude.messages().countTokens(request).inputTokens();

        assertTrue(tokens > 0);
        assertEquals("/v1/messages/count_tokens", simulator.lastRequest().path());
        assertEquals("claude-sonnet-4-6", simulator.lastRequest().json().get("model").asText());
        assertFalse(simulator.lastRequest().json().has("max_tokens"), "count_tokens takes no max_tokens");
        assertEquals(tokens,
                claude.messages().countTokensAsync(request).await().atMost(Duration.ofSeconds(10)).inputTokens());
    }

    @Test
    void pagesThroughModels() {
        ModelPage first = claude.models().list(PageParams.first(2));
        assertEquals(2, first.data().size());
        assertTrue(first.hasMore());
        assertEquals("limit=2", simulator.lastRequest().query());

        ModelPage second = claude.models().list(PageParams.after(first.lastId(), 2));
        assertFalse(second.data().get(0).id().equals(first.data().get(0).id()));
        assertTrue(simulator.lastRequest().query().contains("after_id=" + first.lastId()));

        assertEquals("claude-sonnet-4-6", claude.models().retrieve("claude-sonnet-4-6").id());
        assertEquals("/v1/models/claude-sonnet-4-6", simulator.lastRequest().path());
        assertEquals("application/json", simulator.lastRequest().header("content-type"));
    }

    @Test
    void rawRestInterfaceHasTheHeadersAndTypedErrorsToo() {
        Message message = rawApi.createMessage(MessageRequest.builder().model("claude-sonnet-4-6").maxTokens(20)
                .addUserMessage("raw").build());
        assertEquals("Echo: raw", message.text());
        assertEquals(ClaudeSimulator.DEFAULT_API_KEY, simulator.lastRequest().header("x-api-key"));

        simulator.enqueue(Fault.overloaded());
        assertThrows(io.quarkiverse.claude.errors.OverloadedException.class,
                () -> rawApi.createMessage(MessageRequest.builder().model("claude-sonnet-4-6").maxTokens(20)
                        .addUserMessage("raw").build()));
    }

    @Test
    void latestRateLimitsAreReadable() {
        claude.ask("limits");

        assertTrue(claude.lastRateLimits().requests().limit() > 0);
        assertTrue(claude.lastRateLimits().requests().reset() != null);
    }

    @Test
    void requestLoggingMasksTheKey() {
        String all;
        try (CapturedLogs logs = CapturedLogs.start()) {
            logged.ask("log me");
            simulator.enqueue(Fault.error(401, "authentication_error", "invalid x-api-key"));
            assertThrows(RuntimeException.class, () -> logged.ask("log me again"));
            all = logs.all();
        }
        assertTrue(all.contains("log me"), "the request body is logged:\n" + all);
        assertTrue(all.contains("x-api-key"), "the header name is logged:\n" + all);
        assertFalse(all.contains("sk-ant-api03-logged-secret-key"), "the key never is:\n" + all);
    }
}
