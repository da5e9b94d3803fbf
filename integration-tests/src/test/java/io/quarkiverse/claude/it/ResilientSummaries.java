package io.quarkiverse.claude.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.Retry;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.ClaudeResilience;
import io.quarkiverse.claude.errors.InvalidRequestException;
import io.quarkiverse.claude.errors.OverloadedException;
import io.quarkiverse.claude.errors.RateLimitException;
import io.quarkiverse.claude.model.Message;
import io.quarkiverse.claude.model.MessageRequest;
import io.smallrye.mutiny.Uni;

/**
 * A user's bean, as the Resilience page shows it: the ready-made per-class policy, and a plain MicroProfile
 * {@code @Retry} naming our exception classes, on methods that call a client whose own retries are off (the default
 * client, in {@link ResilienceProfile}).
 */
@ApplicationScoped
public class ResilientSummaries {

    @Inject
    ClaudeClient claude;

    /** The per-class retries, deadline, bulkhead and circuit breaker of the "retrying" client's settings. */
    @ClaudeResilience("retrying")
    public String summarize(String text) {
        return claude.messages().create(request(text)).text();
    }

    /** The same for a reactive method: each failure of the Uni is judged and retried. */
    @ClaudeResilience("retrying")
    public Uni<String> summarizeAsync(String text) {
        return claude.messages().createAsync(request(text)).map(Message::text);
    }

    /** MicroProfile Fault Tolerance with our exception classes: retry what is busy, never a bad request. */
    @Retry(maxRetries = 3, delay = 10, jitter = 0, retryOn = { RateLimitException.class,
            OverloadedException.class }, abortOn = InvalidRequestException.class)
    public String askWithRetry(String prompt) {
        return claude.ask(prompt);
    }

    private static MessageRequest request(String text) {
        return MessageRequest.builder().model("claude-sonnet-4-6").maxTokens(100)
                .addUserMessage("Summarize: " + text).build();
    }
}
