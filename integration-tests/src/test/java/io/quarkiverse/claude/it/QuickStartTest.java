package io.quarkiverse.claude.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.testing.Fault;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The README's quick start does what the README says. */
@QuarkusTest
@TestProfile(DefaultClientProfile.class)
class QuickStartTest extends SimulatorTest {


    @Test
    void answersAndTurnsARateLimitIntoA429() {
        given().queryParam("topic", "autumn").when().get("/haiku")
                .then().statusCode(200).body(equalTo("Echo: Write a haiku about autumn"));

        simulator.enqueue(Fault.rateLimited().retryAfterSeconds(4));
        given().queryParam("topic", "autumn").when().get("/haiku")
                .then().statusCode(429).header("Retry-After", "4");
    }
}
