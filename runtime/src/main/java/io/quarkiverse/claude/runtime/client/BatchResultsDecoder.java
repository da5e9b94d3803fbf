package io.quarkiverse.claude.runtime.client;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.claude.errors.UnexpectedResponseException.Reason;
import io.quarkiverse.claude.errors.UnexpectedResponseException;
import io.quarkiverse.claude.model.Message;
import io.quarkiverse.claude.model.batch.BatchResult;
import io.quarkiverse.claude.runtime.errors.ApiErrors;
import io.quarkiverse.claude.runtime.json.WireJson;
import io.quarkiverse.claude.runtime.rest.AnswerHandle;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.parsetools.RecordParser;

/**
 * Splits the chunks of a batch results file into lines (with Vert.x's {@link RecordParser}, which holds at most one
 * unfinished line, of at most the client's {@code max-response-size}) and reads each line as one {@link BatchResult}.
 * A line that is not a result, a line too long, or a file without any line fails with
 * {@link UnexpectedResponseException}. One per results download.
 */
final class BatchResultsDecoder {

    private static final ObjectMapper JSON = WireJson.MAPPER;

    private final List<BatchResult> ready = new ArrayList<>();
    private final RecordParser lines = RecordParser.newDelimited("\n", this::line);
    private final String clientName;
    private final long maxBytes;
    private final String maxBytesProperty;
    private final AnswerHandle answer;
    private int read;

    /**
     * @param answers the client's answers: its name and largest answer
     * @param answer the handle of the results' answer, for the status, content type and request id of a bad line
     */
    BatchResultsDecoder(JsonAnswers answers, AnswerHandle answer) {
        this.clientName = answers.clientName();
        this.maxBytes = answers.maxBytes();
        this.maxBytesProperty = answers.maxBytesProperty();
        this.answer = answer;
        lines.maxRecordSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
    }

    /** @return the results completed by this chunk */
    List<BatchResult> decode(byte[] chunk) {
        try {
            lines.handle(Buffer.buffer(chunk));
        } catch (IllegalStateException tooLong) { // RecordParser's way of saying a line passed maxRecordSize
            throw failure(Reason.TOO_LARGE, "", "a line of the batch results grew past " + maxBytesProperty + " ("
                    + maxBytes + " bytes); reading stopped there. Raise " + maxBytesProperty + " if the batch "
                    + "asked for very long answers.");
        }
        return drain();
    }

    /**
     * @return the last result, when the file does not end with a newline
     * @throws UnexpectedResponseException when the file held no result at all
     */
    List<BatchResult> finish() {
        lines.handle(Buffer.buffer("\n"));
        if (read == 0) {
            throw failure(Reason.EMPTY, "", "the batch results file is empty; a batch that ended has a result per "
                    + "request.");
        }
        return drain();
    }

    private List<BatchResult> drain() {
        List<BatchResult> out = List.copyOf(ready);
        ready.clear();
        return out;
    }

    private void line(Buffer line) {
        String text = line.toString().strip();
        if (!text.isEmpty()) {
            read++;
            ready.add(read(text));
        }
    }

    private BatchResult read(String line) {
        try {
            JsonNode root = JSON.readTree(line);
            JsonNode result = root == null ? null : root.get("result");
            if (result == null || !root.hasNonNull("custom_id") || !result.hasNonNull("type")) {
                throw failure(Reason.WRONG_SHAPE, line, "a line of the batch results is JSON but not a result "
                        + "(custom_id, result.type).");
            }
            Message message = result.has("message") ? JSON.treeToValue(result.get("message"), Message.class) : null;
            return new BatchResult(root.get("custom_id").asText(), result.get("type").asText(), message,
                    result.has("error") ? ApiErrors.toException(
                            ApiErrors.parseEmbedded(errorBody(result.get("error")), false, false), clientName) : null);
        } catch (JsonProcessingException e) {
            throw failure(Reason.NOT_JSON, line, "a line of the batch results is not JSON (" + e.getOriginalMessage()
                    + "). A proxy or a wrong base URL may have answered in place of the API.");
        }
    }

    private UnexpectedResponseException failure(Reason reason, String line, String detail) {
        return new UnexpectedResponseException(reason, answer.status() == 0 ? 200 : answer.status(),
                answer.contentType(), answer.requestId(), ApiErrors.excerpt(line), read > 1, detail);
    }

    /** The API nests the error body ({@code {"type":"error","error":{…}}}); accept the bare error object too. */
    private static String errorBody(JsonNode error) {
        return error.has("error") ? error.toString() : JSON.createObjectNode().put("type", "error").set("error", error)
                .toString();
    }
}
