package io.quarkiverse.claude.runtime.client;

import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.quarkiverse.claude.model.FileMetadata;
import io.quarkiverse.claude.model.FilePage;
import io.quarkiverse.claude.model.Message;
import io.quarkiverse.claude.model.ModelInfo;
import io.quarkiverse.claude.model.ModelPage;
import io.quarkiverse.claude.model.TokenCount;
import io.quarkiverse.claude.model.batch.BatchPage;
import io.quarkiverse.claude.model.batch.MessageBatch;
import io.quarkiverse.claude.runtime.json.WireJson;

/**
 * What the JSON answer of one endpoint must be: the type it is read into, and the fields without which it is not that
 * answer (a proxy's <code>{}</code> is not a message). {@link #read} returns {@code null} for a body of another shape.
 *
 * @param <T> the answer's type
 */
final class AnswerType<T> {

    private static final ObjectMapper JSON = WireJson.MAPPER;

    /** A message: read straight into its class (the hot path), then checked by its accessors. */
    static final AnswerType<Message> MESSAGE = new AnswerType<>("a message (id, \"type\": \"message\", role)",
            JSON.readerFor(Message.class), null,
            message -> message.id() != null && "message".equals(message.type()) && message.role() != null);
    static final AnswerType<TokenCount> TOKEN_COUNT = tree(TokenCount.class, "input_tokens");
    static final AnswerType<ModelPage> MODEL_PAGE = tree(ModelPage.class, "data");
    static final AnswerType<ModelInfo> MODEL = tree(ModelInfo.class, "id");
    static final AnswerType<MessageBatch> BATCH = tree(MessageBatch.class, "id");
    static final AnswerType<BatchPage> BATCH_PAGE = tree(BatchPage.class, "data");
    static final AnswerType<JsonNode> DELETED = tree(JsonNode.class, "id");
    static final AnswerType<FileMetadata> FILE = tree(FileMetadata.class, "id");
    static final AnswerType<FilePage> FILE_PAGE = tree(FilePage.class, "data");

    private final String shape;
    private final ObjectReader reader;
    private final List<String> required;
    private final Predicate<T> valid;

    private AnswerType(String shape, ObjectReader reader, List<String> required, Predicate<T> valid) {
        this.shape = shape;
        this.reader = reader;
        this.required = required;
        this.valid = valid;
    }

    /** Read as a tree first, to see which fields are there (for types whose absent fields read as 0 or empty). */
    private static <T> AnswerType<T> tree(Class<T> type, String... required) {
        return new AnswerType<>("an object with " + String.join(", ", required), JSON.readerFor(type),
                List.of(required), value -> true);
    }

    /** @return what the answer must look like, for messages */
    String shape() {
        return shape;
    }

    /**
     * @return the answer, or {@code null} when the body is JSON of another shape
     * @throws IOException when the body is not JSON
     */
    T read(byte[] body, int length) throws IOException {
        if (required == null) {
            T value = reader.readValue(body, 0, length);
            return value != null && valid.test(value) ? value : null;
        }
        JsonNode tree = JSON.readTree(JSON.getFactory().createParser(body, 0, length));
        if (tree == null || !tree.isObject()) {
            return null;
        }
        for (String field : required) {
            if (!tree.hasNonNull(field)) {
                return null;
            }
        }
        return reader.readValue(tree);
    }
}
