package io.quarkiverse.claude.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.Fault;
import io.quarkiverse.claude.testing.RecordedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** The demo app's endpoints, as its HTTP callers see them, against the simulator. */
@QuarkusTest
@TestProfile(DefaultClientProfile.class)
class ChatResourceTest extends SimulatorTest {



    @Test
    void answersAPromptWithTheConfiguredModelAndMaxTokens() {
        given().queryParam("prompt", "Hello Claude")
                .when().get("/chat")
                .then().statusCode(200)
                .body("answer", equalTo("Echo: Hello Claude"))
                .body("model", equalTo("claude-sonnet-4-6"))
                .body("stopReason", equalTo("end_turn"))
                .body("id", startsWith("msg_"));

        JsonNode sent = simulator.lastRequest().json();
        assertEquals("claude-sonnet-4-6", sent.get("model").asText());
        assertEquals(512, sent.get("max_tokens").asInt(), "quarkus.claude.max-tokens fills a request without one");
        assertEquals("Hello Claude", sent.at("/messages/0/content").asText());
    }

    @Test
    void postWithSystemPromptAndMaxTokens() {
        given().contentType(ContentType.JSON)
                .body("{\"prompt\":\"Summarise\",\"system\":\"Be terse\",\"maxTokens\":64}")
                .when().post("/chat")
                .then().statusCode(200).body("answer", equalTo("Echo: Summarise"));

        JsonNode sent = simulator.lastRequest().json();
        assertEquals("Be terse", sent.get("system").asText());
        assertEquals(64, sent.get("max_tokens").asInt());
    }

    @Test
    void sendsTheRequiredHeaders() {
        given().queryParam("prompt", "headers").when().get("/chat").then().statusCode(200);

        RecordedRequest request = simulator.lastRequest();
        assertEquals("POST", request.method());
        assertEquals("/v1/messages", request.path());
        assertEquals(ClaudeSimulator.DEFAULT_API_KEY, request.header("x-api-key"));
        assertEquals("2023-06-01", request.header("anthropic-version"));
        assertTrue(request.header("content-type").startsWith("application/json"), request.header("content-type"));
        assertEquals("prompt-caching-2024-07-31,token-efficient-tools-2025-02-19", request.header("anthropic-beta"),
                "betas go in one comma-separated header");
        assertTrue(request.header("user-agent").startsWith("quarkus-claude/"), request.header("user-agent"));
    }

    @Test
    void reactiveEndpoint() {
        given().queryParam("prompt", "non-blocking").when().get("/chat/async")
                .then().statusCode(200).body("answer", equalTo("Echo: non-blocking"));
    }

    @Test
    void namedClientUsesItsOwnKeyAndModel() {
        given().queryParam("prompt", "quick").when().get("/chat/fast")
                .then().statusCode(200).body("model", equalTo("claude-haiku-4-5"));

        RecordedRequest request = simulator.lastRequest();
        assertEquals("sk-ant-api03-fast-client-key", request.header("x-api-key"));
        assertEquals(128, request.json().get("max_tokens").asInt());
    }

    @Test
    void listsModels() {
        given().when().get("/chat/models").then().statusCode(200).body("$", hasItem("claude-sonnet-4-6"));
    }

    @Test
    void rateLimitBecomes429WithRetryAfter() {
        simulator.enqueue(Fault.rateLimited().retryAfterSeconds(3));

        given().queryParam("prompt", "too fast").when().get("/chat")
                .then().statusCode(429)
                .header("Retry-After", "3")
                .body("error", equalTo("RateLimitException"))
                .body("upstreamStatus", equalTo(429))
                .body("type", equalTo("rate_limit_error"))
                .body("requestId", startsWith("req_"))
                .body("retryable", equalTo(true));
    }

    @Test
    void badKeyIsOurFaultNotTheCallers() {
        simulator.enqueue(Fault.error(401, "authentication_error", "invalid x-api-key"));

        given().queryParam("prompt", "x").when().get("/chat")
                .then().statusCode(502)
                .body("error", equalTo("AuthenticationException"))
                .body("retryable", equalTo(false));
    }

    @Test
    void overloadIsA503AndInvalidRequestA400() {
        simulator.enqueue(Fault.overloaded(), Fault.error(400, "invalid_request_error", "messages: too long"));

        given().queryParam("prompt", "x").when().get("/chat").then().statusCode(503)
                .body("error", equalTo("OverloadedException"));
        given().queryParam("prompt", "x").when().get("/chat").then().statusCode(400)
                .body("error", equalTo("InvalidRequestException"));
    }
}
