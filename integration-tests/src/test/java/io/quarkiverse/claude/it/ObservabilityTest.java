package io.quarkiverse.claude.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.ClaudeClientName;
import io.quarkiverse.claude.errors.InvalidRequestException;
import io.quarkiverse.claude.model.Message;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.model.batch.BatchRequest;
import io.quarkiverse.claude.model.batch.BatchResult;
import io.quarkiverse.claude.model.batch.MessageBatch;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.ClaudeSimulatorTestResource;
import io.quarkiverse.claude.testing.Fault;
import io.quarkiverse.claude.testing.InjectClaudeSimulator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The Micrometer metrics of the calls of the "metered" client (its own model, claude-opus-4-5, whose input price is
 * overridden to $10 per million tokens; output stays at the list $25), and the readiness check.
 */
@QuarkusTest
@TestProfile(ObservabilityProfile.class)
@QuarkusTestResource(ClaudeSimulatorTestResource.class)
class ObservabilityTest {

    static final String MODEL = "claude-opus-4-5";

    @Inject
    MeterRegistry registry;

    @Inject
    @ClaudeClientName("metered")
    ClaudeClient metered;

    @InjectClaudeSimulator
    ClaudeSimulator simulator;

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    @Test
    void metricsCountTokensCostAndRetriesPerClass() {
        double callsBefore = count("claude.client.calls", "outcome", "success");
        double rateLimitRetriesBefore = count("claude.client.retries", "error.type", "rate_limit_error");
        double overloadedRetriesBefore = count("claude.client.retries", "error.type", "overloaded_error");
        double inputBefore = tokens("input");
        double outputBefore = tokens("output");
        double costBefore = cost();

        simulator.enqueue(Fault.rateLimited().retryAfterMillis(10), Fault.overloaded(), Fault.overloaded());
        Message first = metered.messages().create(MessageRequest.of("count my tokens, please"));
        Message second = metered.messages().create(MessageRequest.of("and these ones as well, with a longer prompt"));

        assertEquals(2, count("claude.client.calls", "outcome", "success") - callsBefore);
        assertEquals(1, count("claude.client.retries", "error.type", "rate_limit_error") - rateLimitRetriesBefore);
        assertEquals(2, count("claude.client.retries", "error.type", "overloaded_error") - overloadedRetriesBefore);
        long input = first.usage().inputTokens() + second.usage().inputTokens();
        long output = first.usage().outputTokens() + second.usage().outputTokens();
        assertTrue(input > 0 && output > 0);
        assertEquals(input, tokens("input") - inputBefore);
        assertEquals(output, tokens("output") - outputBefore);
        // the override: $10 per million input tokens (list: $5); the list output price, $25
        double expectedCost = (input * 10.0 + output * 25.0) / 1_000_000;
        assertEquals(expectedCost, cost() - costBefore, 0.000_000_001, "the estimated cost, well within a cent");

        Timer duration = registry.find("gen_ai.client.operation.duration").tag("claude.client", "metered")
                .tag("gen_ai.system", "anthropic").tag("gen_ai.operation.name", "chat")
                .tag("gen_ai.request.model", MODEL).tag("gen_ai.response.model", MODEL).timer();
        assertNotNull(duration);
        assertTrue(duration.count() >= 2);

        Gauge requestsLeft = registry.find("claude.ratelimit.remaining").tag("claude.client", "metered")
                .tag("limit", "requests").gauge();
        assertNotNull(requestsLeft, "a gauge of the latest anthropic-ratelimit-requests-remaining");
    }

    @Test
    void batchResultsCostHalfPrice() throws InterruptedException {
        MessageBatch created = metered.batches().create(List.of(BatchRequest.of("one", MessageRequest.of("batch me"))));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!metered.batches().retrieve(created.id()).isEnded() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        double costBefore = cost();
        double outputBefore = tokens("output");

        List<BatchResult> results = metered.batches().results(created.id()).collect().asList().await()
                .atMost(Duration.ofSeconds(10));

        Message answer = results.get(0).message();
        assertEquals(answer.usage().outputTokens(), tokens("output") - outputBefore);
        double expected = (answer.usage().inputTokens() * 10.0 + answer.usage().outputTokens() * 25.0) / 1_000_000 / 2;
        assertEquals(expected, cost() - costBefore, 0.000_000_001, "batches at 50% of the (overridden) prices");
    }

    @Test
    void failedCallsAreCountedByErrorClass() {
        double before = count("claude.client.calls", "outcome", "invalid_request_error");
        simulator.enqueue(Fault.error(400, "invalid_request_error", "max_tokens: too large"));

        assertThrows(InvalidRequestException.class, () -> metered.ask("too long"));

        assertEquals(1, count("claude.client.calls", "outcome", "invalid_request_error") - before);
    }

    /**
     * Every series that the Observability page's example queries name is one that Prometheus really exposes, by its
     * exact name (a name the docs spell differently would make a query return nothing).
     */
    @Test
    void everySeriesTheDocumentedQueriesUseIsExposed() throws IOException {
        simulator.enqueue(Fault.overloaded()); // one retry, so that the retries counter has a series
        metered.ask("scrape me");
        String page = Files.readString(Path.of("..", "docs", "modules", "ROOT", "pages", "observability.adoc"));
        Matcher block = Pattern.compile("\\[source,promql]\\n----\\n(.*?)\\n----", Pattern.DOTALL).matcher(page);
        assertTrue(block.find(), "the page has its example queries");
        Set<String> queried = new TreeSet<>();
        Matcher name = Pattern.compile("\\b((?:gen_ai|claude)_[a-z_]+)\\s*[{\\[]").matcher(block.group(1));
        while (name.find()) {
            queried.add(name.group(1));
        }
        assertTrue(queried.size() >= 6, "found the queried series: " + queried);

        String scraped = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Set<String> exposed = new TreeSet<>();
        Matcher series = Pattern.compile("(?m)^([a-z_]+)[{ ]").matcher(scraped);
        while (series.find()) {
            exposed.add(series.group(1));
        }
        Set<String> missing = new TreeSet<>(queried);
        missing.removeAll(exposed);
        assertEquals(Set.of(), missing, "queried in the docs but not exposed; exposed: " + exposed);
    }

    @Test
    void prometheusExposesTheGenAiNames() {
        metered.ask("scrape me");
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("gen_ai_client_token_usage"))
                .body(containsString("gen_ai_client_operation_duration_seconds"))
                .body(containsString("claude_client_cost_usd_total"))
                .body(containsString("gen_ai_token_type=\"cache_read\""))
                // SmallRye Fault Tolerance's own metrics of the client's guards, named after their descriptions
                .body(containsString("ft_invocations_total"))
                .body(containsString("quarkus-claude metered"))
                .body(not(containsString("sk-ant-api03")));
    }

    @Test
    void readinessReportsTheCircuitBreakerTheRateLimitsAndTheApiCheck() throws InterruptedException {
        metered.ask("ready?");
        // not the status: it covers every client in use, whose API checks are not this test's
        given().when().get("/q/health/ready").then()
                .body(containsString("Claude clients"))
                .body(containsString("\"metered.circuit-breaker\": \"disabled\""))
                .body(containsString("metered.requests-remaining"));

        // the API checks run in the background, once per client in use, then not again within the hour
        String body = "";
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            body = given().when().get("/q/health/ready").then().extract().asString();
            if (!body.contains("pending")) {
                break;
            }
            Thread.sleep(50);
        }
        assertTrue(body.contains("\"metered.api\": \"UP at "), body);
        int checks = simulator.requests("/v1/models").size();
        assertTrue(checks >= 1);
        for (int i = 0; i < 3; i++) {
            given().when().get("/q/health/ready").then().body(containsString("metered.api"));
        }
        Thread.sleep(100);
        assertEquals(checks, simulator.requests("/v1/models").size(), "a probe never calls the API");
    }

    private double count(String name, String tag, String value) {
        Counter counter = registry.find(name).tag("claude.client", "metered").tag("gen_ai.request.model", MODEL)
                .tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    private double tokens(String type) {
        return registry.find("gen_ai.client.token.usage").tag("claude.client", "metered")
                .tag("gen_ai.token.type", type).summaries().stream().mapToDouble(DistributionSummary::totalAmount)
                .sum();
    }

    private double cost() {
        return registry.find("claude.client.cost").tag("claude.client", "metered").counters().stream()
                .mapToDouble(Counter::count).sum();
    }
}
