package io.quarkiverse.claude.testing;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code POST /v1/messages} and {@code POST /v1/messages/count_tokens}, once the request passed auth and version. */
final class MessagesEndpoint {

    private final MessageValidation validation;
    private final Answers answers;
    private final PromptCache cache;
    private final ServerToolAnswers serverTools;
    private final FilesEndpoint files;

    MessagesEndpoint(MessageValidation validation, Answers answers, PromptCache cache, ServerToolAnswers serverTools,
            FilesEndpoint files) {
        this.files = files;
        this.validation = validation;
        this.answers = answers;
        this.cache = cache;
        this.serverTools = serverTools;
    }

    void create(Exchange ex, JsonNode body, String version, boolean extraFields) {
        files.checkReferences(body, ex.request());
        send(ex, answer(body, version, extraFields), isStream(body));
    }

    /**
     * The regular answer to a messages request (also one of a batch): checked, then echoed (or, with a server tool or
     * a cited document, {@link ServerToolAnswers}'), with the prompt cache's part of the usage.
     *
     * @throws ApiException when the API would refuse the request
     */
    Answer answer(JsonNode body, String version, boolean extraFields) {
        validation.check(body, true, MessageValidation.VERSION_WITHOUT_SAMPLING.equals(version));
        Answer.CacheUsage cacheUsage = cache.use(body);
        return serverTools.answer(body, extraFields, cacheUsage)
                .orElseGet(() -> answers.echo(body, extraFields, cacheUsage));
    }

    void countTokens(Exchange ex, JsonNode body, boolean extraFields) {
        validation.check(body, false, false);
        files.checkReferences(body, ex.request());
        var count = Json.object().put("input_tokens", Conversation.inputTokens(body));
        if (extraFields) {
            count.put(AnswerJson.EXTRA_FIELD, "top-level");
        }
        ex.json(200, count);
    }

    /** Sends an answer as JSON or, for {@code "stream": true}, as SSE. */
    static void send(Exchange ex, Answer answer, boolean stream) {
        ex.usage(answer.inputTokens(), answer.outputTokens());
        if (stream) {
            ex.stream(AnswerStream.events(answer));
        } else {
            ex.json(200, AnswerJson.message(answer));
        }
    }

    static boolean isStream(JsonNode body) {
        return body.path("stream").asBoolean(false);
    }
}
