package org.acme;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.ClaudeResilience;
import io.quarkiverse.claude.model.Message;
import io.quarkiverse.claude.model.MessageRequest;
import io.smallrye.mutiny.Uni;

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

    private static MessageRequest request(String text) {
        return MessageRequest.builder().addUserMessage("Summarize: " + text).build();
    }
}
