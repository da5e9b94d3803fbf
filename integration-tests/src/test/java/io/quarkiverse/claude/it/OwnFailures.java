package io.quarkiverse.claude.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkiverse.claude.ClaudeResilience;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.runtime.rest.ClaudeRestApi;
import io.smallrye.mutiny.Uni;

/**
 * A user's bean whose {@code @ClaudeResilience} methods fail in their own ways: the policy must leave those failures
 * alone (never retried, never relabelled), and still retry the Claude failures of the raw REST interface.
 */
@ApplicationScoped
public class OwnFailures {

    /** A failure of the application's, whose name happens to say "Timeout". */
    public static final class ReportTimeoutException extends RuntimeException {
        ReportTimeoutException(String message) {
            super(message);
        }
    }

    private final AtomicInteger invocations = new AtomicInteger();

    /** Through a method: the injected client proxy has no state of its own. */
    public AtomicInteger invocations() {
        return invocations;
    }

    @Inject
    @RestClient
    ClaudeRestApi rawApi;

    @ClaudeResilience("retrying")
    public String checkedIo() throws IOException {
        invocations.incrementAndGet();
        throw new IOException("disk full");
    }

    @ClaudeResilience("retrying")
    public String uncheckedIo() {
        invocations.incrementAndGet();
        throw new UncheckedIOException(new IOException("socket of our own closed"));
    }

    @ClaudeResilience("retrying")
    public String ownTimeout() {
        invocations.incrementAndGet();
        throw new ReportTimeoutException("the report took too long");
    }

    @ClaudeResilience("retrying")
    public Uni<String> asyncIo() {
        invocations.incrementAndGet();
        return Uni.createFrom().failure(new IOException("async disk full"));
    }

    /** The raw REST interface types a dropped connection itself, so the policy retries it on its budget. */
    @ClaudeResilience("retrying")
    public String rawCall(String prompt) {
        invocations.incrementAndGet();
        return rawApi.createMessage(MessageRequest.builder().model("claude-sonnet-4-6").maxTokens(50)
                .addUserMessage(prompt).build()).text();
    }
}
