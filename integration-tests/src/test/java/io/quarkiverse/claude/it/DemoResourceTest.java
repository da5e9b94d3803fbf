package io.quarkiverse.claude.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.ClaudeSimulatorTestResource;
import io.quarkiverse.claude.testing.InjectClaudeSimulator;
import io.quarkiverse.claude.testing.Scenario;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** The demo's table over HTTP: POST /demo/run, then GET /demo/report and /demo/report.txt. */
@QuarkusTest
@TestProfile(DefaultClientProfile.class)
@QuarkusTestResource(ClaudeSimulatorTestResource.class)
class DemoResourceTest {

    @InjectClaudeSimulator
    ClaudeSimulator simulator;

    @BeforeEach
    void useTheTestSimulator() {
        simulator.reset();
        DemoMain.useSimulator(simulator);
    }

    @AfterEach
    void forgetIt() {
        DemoMain.useSimulator(null);
    }

    @Test
    void aRunUnderAScenarioIsReportedAsJsonAndAsText() {
        JsonPath run = given().post("/demo/run?scenario=flaky&calls=16").then().statusCode(200)
                .body("target", equalTo("simulator"))
                .body("scenario", containsString("flaky"))
                .body("client", equalTo("demo"))
                .body("calls", equalTo(16))
                .body("rows[0].outcome", equalTo("success"))
                .body("rows[0].status", equalTo(200))
                .body("rows.outcome", hasItem("api_error"))
                .body("total.calls", equalTo(16))
                .body("total.retried", greaterThan(0))
                .body("total.outputTokens", greaterThan(0))
                .extract().jsonPath();
        int attempts = run.getInt("total.attempts");
        assertEquals(attempts, run.getInt("server.total"), "the simulator saw every attempt the client counted");
        assertEquals(Scenario.normal(), simulator.scenario(), "the scenario is put back after the run");

        given().get("/demo/report").then().statusCode(200)
                .body("calls", equalTo(16))
                .body("total.attempts", equalTo(attempts));
        given().get("/demo/report.txt").then().statusCode(200)
                .contentType(containsString("text/plain"))
                .body(containsString("Simulator scenario: Scenario[flaky:"))
                .body(containsString("outcome                       calls attempts retried"))
                .body(containsString("200 success"))
                .body(containsString("500 api_error"))
                .body(containsString("The simulator saw " + attempts + " requests"));
    }

    @Test
    void withoutTheSimulatorTheRunGoesToTheConfiguredApiWithoutAScenario() {
        DemoMain.useSimulator(null); // as with ANTHROPIC_API_KEY set: the demo client's endpoint, as configured

        given().post("/demo/run?scenario=overloaded").then().statusCode(200)
                .body("target", equalTo("real API"))
                .body("scenario", nullValue())
                .body("server", nullValue())
                .body("calls", equalTo(4))
                .body("total.calls", equalTo(4))
                .body("rows[0].outcome", equalTo("success"));
        given().get("/demo/report.txt").then().statusCode(200)
                .body(containsString("4 calls, 4 at a time, through the client \"demo\" against the real API"))
                .body(not(containsString("Simulator")));
    }

    @Test
    void anUnknownScenarioIsABadRequest() {
        given().post("/demo/run?scenario=sideways").then().statusCode(400)
                .body(containsString("valid names: normal, rate-limited, overloaded, flaky, slow"));
    }
}
