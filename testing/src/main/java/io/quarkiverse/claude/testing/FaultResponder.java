package io.quarkiverse.claude.testing;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Answers a request with a scripted {@link Fault} (every kind but {@link Fault.Kind#NORMAL}, which is the regular
 * answer). Faults skip all checks; the request body is read leniently, for its model and {@code stream} flag.
 */
final class FaultResponder {

    private final Answers answers;

    FaultResponder(Answers answers) {
        this.answers = answers;
    }

    void answer(Exchange ex, Fault fault) {
        switch (fault.kind()) {
            case ERROR -> ex.error(fault.status(), fault.errorType(), fault.message(), fault.errorCode());
            case RAW -> ex.raw(fault.status(), fault.contentType(), fault.rawBody());
            case DROP -> ex.drop();
            case TOOL_USE -> {
                JsonNode body = lenientBody(ex.request());
                Answer answer = answers.toolUse(body, fault.toolName(), fault.toolInput());
                MessagesEndpoint.send(ex, answer, MessagesEndpoint.isStream(body));
            }
            case BROKEN_STREAM -> brokenStream(ex, fault);
            case NORMAL -> throw new IllegalArgumentException("Not a scripted answer: " + fault);
        }
    }

    private void brokenStream(Exchange ex, Fault fault) {
        JsonNode body = lenientBody(ex.request());
        boolean stream = MessagesEndpoint.isStream(body);
        if (!stream && fault.errorEvent()) {
            ex.error(fault.status(), fault.errorType(), fault.message(), null);
            return;
        }
        Answer answer = answers.echo(body, false);
        ex.usage(answer.inputTokens(), answer.outputTokens());
        if (!stream) {
            ex.halfJson(AnswerJson.message(answer));
            return;
        }
        // Everything up to the N-th delta; never message_stop, even when the answer has fewer deltas.
        List<SseEvent> events = new ArrayList<>();
        int deltas = 0;
        for (SseEvent event : AnswerStream.events(answer)) {
            if (event.name().equals("message_stop") || event.isDelta() && deltas == fault.afterDeltas()) {
                break;
            }
            if (event.isDelta()) {
                deltas++;
            }
            events.add(event);
        }
        if (fault.errorEvent()) {
            ObjectNode error = Json.object();
            error.putObject("error").put("type", fault.errorType()).put("message", fault.message());
            events.add(SseEvent.of("error", error));
        }
        ex.stream(events);
    }

    private static JsonNode lenientBody(RecordedRequest r) {
        try {
            JsonNode body = Json.MAPPER.readTree(r.body());
            return body != null && body.isObject() ? body : MissingNode.getInstance();
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }
}
