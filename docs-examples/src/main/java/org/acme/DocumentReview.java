package org.acme;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.model.CacheControl;
import io.quarkiverse.claude.model.Message;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.model.TextBlock;

@ApplicationScoped
public class DocumentReview {

    @Inject
    ClaudeClient claude;

    public Message reviewWithCachedInstructions(String longInstructions, String document) {
        return claude.messages().create(MessageRequest.builder()
                .system(List.of(new TextBlock(longInstructions).withCacheControl(CacheControl.ephemeral("1h"))))
                .addUserMessage(document)
                .build());
        // usage().cacheCreationInputTokens() on the first call, cacheReadInputTokens() on later ones
    }
}
