package io.quarkiverse.claude.testing;

import java.nio.charset.StandardCharsets;
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
            case PLAIN_JSON -> MessagesEndpoint.send(ex, echo(ex), false);
            case LARGE_BODY -> ex.largeJson(fault.bodyBytes(), fault.contentLength());
            case RESET -> ex.reset();
            case RESET_DURING_BODY -> resetDuringBody(ex);
            case DRIP -> drip(ex, fault);
            case STALL -> stall(ex, fault);
            case GARBAGE_SSE -> garbageSse(ex);
            case CORRUPT_EVENT -> corruptEvent(ex, fault);
            case TEXT -> {
                JsonNode body = lenientBody(ex.request());
                MessagesEndpoint.send(ex, answers.text(body, fault.answerText(), fault.stopReason()),
                        MessagesEndpoint.isStream(body));
            }
            case SCHEMA_VIOLATION -> {
                JsonNode body = lenientBody(ex.request());
                MessagesEndpoint.send(ex, answers.schemaViolation(body), MessagesEndpoint.isStream(body));
            }
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
            ObjectNode error = Json.object().put("type", "error"); // the API's shape: no request_id in the data
            error.putObject("error").put("type", fault.errorType()).put("message", fault.message());
            events.add(SseEvent.of("error", error));
        }
        ex.stream(events);
    }

    /** The regular answer to the request, read leniently; its usage set on the exchange. */
    private Answer echo(Exchange ex) {
        Answer answer = answers.echo(lenientBody(ex.request()), false);
        ex.usage(answer.inputTokens(), answer.outputTokens());
        return answer;
    }

    private static boolean isStream(Exchange ex) {
        return MessagesEndpoint.isStream(lenientBody(ex.request()));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private void resetDuringBody(Exchange ex) {
        Answer answer = echo(ex);
        if (!isStream(ex)) {
            byte[] json = utf8(AnswerJson.message(answer).toString());
            ex.resetDuringBody("application/json", json, json.length / 2, false);
            return;
        }
        StringBuilder wire = new StringBuilder();
        for (SseEvent event : AnswerStream.events(answer)) {
            wire.append(event.wire());
            if (event.isDelta()) {
                break;
            }
        }
        byte[] bytes = utf8(wire.toString());
        ex.resetDuringBody(Exchange.SSE_TYPE, bytes, bytes.length, true);
    }

    private void drip(Exchange ex, Fault fault) {
        Answer answer = echo(ex);
        boolean stream = isStream(ex);
        String body = stream ? wire(AnswerStream.events(answer)) : AnswerJson.message(answer).toString();
        ex.drip(utf8(body), stream, fault.byteInterval());
    }

    private void stall(Exchange ex, Fault fault) {
        Answer answer = echo(ex);
        if (!isStream(ex)) {
            ex.stall(false, null, utf8(AnswerJson.message(answer).toString()).length);
            return;
        }
        ex.stall(true, fault.afterFirstEvent() ? AnswerStream.events(answer).get(0).wire() : null, 0);
    }

    /** The regular stream, with comments, unknown fields, {@code retry:}, {@code id:} and blank lines between and in events. */
    private void garbageSse(Exchange ex) {
        Answer answer = echo(ex);
        if (!isStream(ex)) {
            ex.json(200, AnswerJson.message(answer));
            return;
        }
        List<SseEvent> events = AnswerStream.events(answer);
        List<String> pieces = new ArrayList<>();
        pieces.add(": keep-alive\n\n"); // an event of only a comment
        pieces.add("retry: 1000\n\n");
        for (int i = 0; i < events.size(); i++) {
            SseEvent e = events.get(i);
            String junk = switch (i % 4) {
                case 0 -> ": keep-alive\n";
                case 1 -> "foo: bar\n";
                case 2 -> "id: 7\n";
                default -> "retry: 1000\n";
            };
            // the junk line inside the event, before its data; then extra blank lines and a lone comment between events
            pieces.add("event: " + e.name() + "\n" + junk + "data: " + e.data() + "\n\n");
            pieces.add(i % 2 == 0 ? "\n\n" : ": ping " + i + "\n\n");
        }
        ex.streamWire(pieces);
    }

    private void corruptEvent(Exchange ex, Fault fault) {
        Answer answer = echo(ex);
        if (!isStream(ex)) {
            String json = AnswerJson.message(answer).toString();
            ex.raw(200, "application/json", json.substring(0, json.length() / 2));
            return;
        }
        List<SseEvent> events = AnswerStream.events(answer);
        List<String> pieces = new ArrayList<>();
        int deltas = 0;
        int afterLastDelta = -1;
        SseEvent lastDelta = null;
        boolean corrupted = false;
        for (SseEvent event : events) {
            if (event.isDelta() && !corrupted && deltas == fault.afterDeltas()) {
                pieces.add(corrupt(event));
                corrupted = true;
                continue;
            }
            if (event.isDelta()) {
                deltas++;
                lastDelta = event;
                afterLastDelta = pieces.size() + 1;
            }
            pieces.add(event.wire());
        }
        if (!corrupted) {
            if (lastDelta != null) {
                pieces.add(afterLastDelta, corrupt(lastDelta));
            } else {
                // no delta at all: a corrupt text delta just before message_delta
                ObjectNode data = Json.object().put("index", 0);
                data.putObject("delta").put("type", "text_delta").put("text", "corrupt");
                pieces.add(pieces.size() - 2, corrupt(SseEvent.of("content_block_delta", data)));
            }
        }
        ex.streamWire(pieces);
    }

    /** The event with its JSON cut in the middle of its text (or in the middle, when it has no text). */
    private static String corrupt(SseEvent event) {
        String json = event.data().toString();
        int cut = json.length() / 2;
        JsonNode text = event.data().path("delta").path("text");
        if (text.isTextual() && !text.asText().isEmpty()) {
            String quoted = text.toString();
            int at = json.lastIndexOf(quoted);
            if (at >= 0) {
                cut = at + 1 + Math.max(1, (quoted.length() - 2) / 2);
            }
        }
        return "event: " + event.name() + "\ndata: " + json.substring(0, Math.min(cut, json.length() - 1)) + "\n\n";
    }

    private static String wire(List<SseEvent> events) {
        StringBuilder s = new StringBuilder();
        events.forEach(e -> s.append(e.wire()));
        return s.toString();
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
