package io.quarkiverse.claude.runtime;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.claude.model.Message;
import io.quarkiverse.claude.model.batch.BatchResult;
import io.quarkiverse.claude.runtime.errors.ApiErrors;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.parsetools.RecordParser;

/**
 * Splits the chunks of a batch results file into lines (with Vert.x's {@link RecordParser}) and reads each line as
 * one {@link BatchResult}. Holds at most one unfinished line. One per results download.
 */
final class BatchResultsDecoder {

    // Reads our own annotated types; independent of the application's ObjectMapper customisations.
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<BatchResult> ready = new ArrayList<>();
    private final RecordParser lines = RecordParser.newDelimited("\n", this::line);

    /** @return the results completed by this chunk */
    List<BatchResult> decode(byte[] chunk) {
        lines.handle(Buffer.buffer(chunk));
        return drain();
    }

    /** @return the last result, when the file does not end with a newline */
    List<BatchResult> finish() {
        lines.handle(Buffer.buffer("\n"));
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
            ready.add(read(text));
        }
    }

    static BatchResult read(String line) {
        try {
            JsonNode root = JSON.readTree(line);
            JsonNode result = root.path("result");
            String type = result.path("type").asText(null);
            Message message = result.has("message") ? JSON.treeToValue(result.get("message"), Message.class) : null;
            return new BatchResult(root.path("custom_id").asText(null), type, message,
                    result.has("error") ? ApiErrors.toException(
                            ApiErrors.parseEmbedded(errorBody(result.get("error")), false, false)) : null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A line of the batch results is not JSON: "
                    + line.substring(0, Math.min(line.length(), 200)), e);
        }
    }

    /** The API nests the error body ({@code {"type":"error","error":{…}}}); accept the bare error object too. */
    private static String errorBody(JsonNode error) {
        return error.has("error") ? error.toString() : JSON.createObjectNode().put("type", "error").set("error", error)
                .toString();
    }
}
