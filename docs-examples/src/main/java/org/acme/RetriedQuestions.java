package org.acme;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.Retry;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.errors.InvalidRequestException;
import io.quarkiverse.claude.errors.OverloadedException;
import io.quarkiverse.claude.errors.RateLimitException;

@ApplicationScoped
public class RetriedQuestions {

    @Inject
    ClaudeClient claude;

    @Retry(maxRetries = 3, delay = 10, jitter = 0,
            retryOn = { RateLimitException.class, OverloadedException.class },
            abortOn = InvalidRequestException.class)
    public String askWithRetry(String prompt) {
        return claude.ask(prompt);
    }
}
