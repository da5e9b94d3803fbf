package org.acme;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.model.Message;
import io.quarkiverse.claude.model.MessageAccumulator;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.model.stream.StreamEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class StreamedAnswers {

    @Inject
    ClaudeClient claude;

    public String streamToConsole(String prompt) {
        StringBuilder printed = new StringBuilder();
        Message message = claude.messages().stream(MessageRequest.of(prompt), printed::append); // blocking
        return printed + " / " + message.usage().outputTokens() + " tokens";
    }

    public Uni<Message> streamReactively(String prompt) {
        Multi<StreamEvent> events = claude.messages().stream(MessageRequest.of(prompt));
        return events.collect().in(MessageAccumulator::new, MessageAccumulator::accept)
                .map(MessageAccumulator::message);
    }
}
