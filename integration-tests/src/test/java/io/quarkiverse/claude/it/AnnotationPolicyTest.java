package io.quarkiverse.claude.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.errors.InternalServerException;
import io.quarkiverse.claude.errors.InvalidRequestException;
import io.quarkiverse.claude.errors.OverloadedException;
import io.quarkiverse.claude.errors.RateLimitException;
import io.quarkiverse.claude.testing.Fault;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The annotations of the Resilience page, on a user's bean ({@link ResilientSummaries}). */
@QuarkusTest
@TestProfile(ResilienceProfile.class)
class AnnotationPolicyTest extends SimulatorTest {

    static final String MESSAGES = "/v1/messages";

    @Inject
    ResilientSummaries summaries;

    @Inject
    OwnFailures own;


    @Test
    void claudeResilienceGivesAMethodThePerClassRetries() {
        simulator.enqueue(Fault.rateLimited().retryAfterMillis(10), Fault.overloaded(), Fault.apiError());

        assertEquals("Echo: Summarize: the text", summaries.summarize("the text"));
        assertEquals(4, simulator.requests(MESSAGES).size(), "one retry each of 429, 529 and 500");
    }

    @Test
    void claudeResilienceKeepsTheBudgetsAndTheNeverRetriedClasses() {
        simulator.always(Fault.overloaded());
        OverloadedException e = assertThrows(OverloadedException.class, () -> summaries.summarize("x"));
        assertEquals(4, simulator.requests(MESSAGES).size(), "1 + the 3 retries of the 529 budget");
        assertEquals(3, e.getSuppressed().length);

        simulator.reset().always(Fault.spendLimitReached());
        RateLimitException cap = assertThrows(RateLimitException.class, () -> summaries.summarize("x"));
        assertEquals(1, simulator.requests(MESSAGES).size(), "the spend cap is never retried");
        assertEquals(true, cap.isSpendLimitReached());
    }

    @Test
    void claudeResilienceRetriesAUniMethod() {
        simulator.enqueue(Fault.overloaded(), Fault.rateLimited().retryAfterMillis(10));

        assertEquals("Echo: Summarize: async", summaries.summarizeAsync("async").await().atMost(Duration.ofSeconds(10)));
        assertEquals(3, simulator.requests(MESSAGES).size());
    }

    @Test
    void microProfileRetryWithOurExceptionClasses() {
        simulator.enqueue(Fault.overloaded(), Fault.rateLimited().retryAfterMillis(10));
        assertEquals("Echo: retried", summaries.askWithRetry("retried"));
        assertEquals(3, simulator.requests(MESSAGES).size(), "retryOn = RateLimitException, OverloadedException");

        simulator.reset().enqueue(Fault.error(400, "invalid_request_error", "bad"));
        assertThrows(InvalidRequestException.class, () -> summaries.askWithRetry("aborted"));
        assertEquals(1, simulator.requests(MESSAGES).size(), "abortOn = InvalidRequestException");

        simulator.reset().enqueue(Fault.apiError());
        Throwable e = assertThrows(Throwable.class, () -> summaries.askWithRetry("not listed"));
        assertInstanceOf(InternalServerException.class, e);
        assertEquals(1, simulator.requests(MESSAGES).size(), "a 500 is not in retryOn");
    }

    @Test
    void theMethodsOwnFailuresPassUnchangedAndAreNeverRetried() {
        own.invocations().set(0);
        IOException checked = assertThrows(IOException.class, () -> own.checkedIo());
        assertEquals("disk full", checked.getMessage());
        UncheckedIOException unchecked = assertThrows(UncheckedIOException.class, () -> own.uncheckedIo());
        assertEquals("socket of our own closed", unchecked.getCause().getMessage());
        assertThrows(OwnFailures.ReportTimeoutException.class, () -> own.ownTimeout());
        Throwable async = assertThrows(Throwable.class, () -> own.asyncIo().await().atMost(Duration.ofSeconds(5)));
        assertInstanceOf(IOException.class, async instanceof java.util.concurrent.CompletionException ? async.getCause()
                : async, "the Uni's own failure, not a ClaudeConnectionException: " + async);
        assertEquals(4, own.invocations().get(), "each method ran once: its own failures are not the client's to retry");
        assertEquals(0, simulator.requests().size());
    }

    @Test
    void theRawRestInterfaceTypesTransportFailuresSoThePolicyRetriesThem() {
        own.invocations().set(0);
        simulator.enqueue(Fault.dropConnection());

        assertEquals("Echo: again", own.rawCall("again"));

        assertEquals(2, own.invocations().get(), "the dropped connection was retried on the connection budget");
        assertEquals(2, simulator.requests(MESSAGES).size());
    }
}
