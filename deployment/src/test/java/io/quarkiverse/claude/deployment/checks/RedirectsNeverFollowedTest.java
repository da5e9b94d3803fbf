package io.quarkiverse.claude.deployment.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.errors.UnexpectedResponseException;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.Fault;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An application that tells every REST Client to follow redirects ({@code quarkus.rest-client.follow-redirects=true}):
 * the Claude client still follows none, so a redirect to another host, a 302 (which the HTTP client follows for a GET)
 * or a 303 (which it follows for any method, as a GET with the same headers), never carries the key there. Each is an
 * {@link UnexpectedResponseException} {@code REDIRECT} naming the location.
 */
class RedirectsNeverFollowedTest {

    /** The host the redirects point to: it must receive nothing. */
    static final class Elsewhere {
    }

    static final String ELSEWHERE = "http://localhost:"
            + SharedSimulator.baseUrl(Elsewhere.class, ClaudeSimulator::start).replaceAll(".*:", "");
    static final String MODEL_ELSEWHERE = ELSEWHERE + "/v1/models/claude-haiku-4-5";
    static final String MESSAGES_ELSEWHERE = ELSEWHERE + "/v1/messages";
    static final String BASE_URL = SharedSimulator.baseUrl(RedirectsNeverFollowedTest.class,
            () -> ClaudeSimulator.start().enqueue(Fault.redirect(302, MODEL_ELSEWHERE),
                    Fault.redirect(303, MESSAGES_ELSEWHERE)));

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(SharedSimulator.class, Elsewhere.class))
            .overrideConfigKey("quarkus.http.host", "127.0.0.1")
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.claude.devservices.enabled", "false")
            .overrideConfigKey("quarkus.claude.model", "claude-haiku-4-5")
            .overrideRuntimeConfigKey("quarkus.claude.api-key", ClaudeSimulator.DEFAULT_API_KEY)
            .overrideRuntimeConfigKey("quarkus.claude.base-url", BASE_URL)
            .overrideRuntimeConfigKey("quarkus.rest-client.follow-redirects", "true");

    @Inject
    ClaudeClient claude;

    @AfterAll
    static void stop() {
        SharedSimulator.stop(RedirectsNeverFollowedTest.class);
        SharedSimulator.stop(Elsewhere.class);
    }

    @Test
    void aRedirectIsAnErrorNamingTheLocationAndTheOtherHostGetsNothing() {
        UnexpectedResponseException found = assertThrows(UnexpectedResponseException.class,
                () -> claude.models().retrieve("claude-haiku-4-5"));
        assertEquals(UnexpectedResponseException.Reason.REDIRECT, found.reason());
        assertEquals(302, found.status());
        assertTrue(found.getMessage().contains(MODEL_ELSEWHERE), found.getMessage());

        UnexpectedResponseException seeOther = assertThrows(UnexpectedResponseException.class,
                () -> claude.messages().create(MessageRequest.of("Hi")));
        assertEquals(UnexpectedResponseException.Reason.REDIRECT, seeOther.reason());
        assertEquals(303, seeOther.status());
        assertTrue(seeOther.getMessage().contains(MESSAGES_ELSEWHERE), seeOther.getMessage());

        assertEquals(0, SharedSimulator.requestCount(Elsewhere.class), "requests received by " + ELSEWHERE);
    }
}
