package org.acme;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.ClaudeSimulatorTestResource;
import io.quarkiverse.claude.testing.Fault;
import io.quarkiverse.claude.testing.InjectClaudeSimulator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(ClaudeSimulatorTestResource.class)
class HaikuResourceTest {

    @InjectClaudeSimulator
    ClaudeSimulator simulator;

    @Test
    void aHaikuIsClaudesAnswer() {
        simulator.reset();

        given().queryParam("topic", "Quarkus")
                .when().get("/haiku")
                .then().statusCode(200).body(equalTo("Echo: Write a haiku about Quarkus"));
    }

    @Test
    void aSpendLimitBecomesA429() {
        simulator.reset().enqueue(Fault.spendLimitReached()); // a 429 that no retry helps: not retried

        given().queryParam("topic", "Quarkus")
                .when().get("/haiku")
                .then().statusCode(429).header("Retry-After", "1");
    }
}
