package io.quarkiverse.claude.runtime.client;

import java.util.Objects;

import io.quarkiverse.claude.Models;
import io.quarkiverse.claude.model.ModelInfo;
import io.quarkiverse.claude.model.ModelPage;
import io.quarkiverse.claude.model.PageParams;
import io.quarkiverse.claude.runtime.call.ClaudeCalls;
import io.quarkiverse.claude.runtime.observability.CallInfo;
import io.quarkiverse.claude.runtime.rest.ClaudeRestApi;

/** The Models API of one client. */
final class ModelsImpl implements Models {

    private final ClaudeRestApi api;
    private final ClaudeCalls calls;
    private final JsonAnswers answers;

    ModelsImpl(ClaudeRestApi api, ClaudeCalls calls, JsonAnswers answers) {
        this.api = api;
        this.calls = calls;
        this.answers = answers;
    }

    @Override
    public ModelPage list(PageParams params) {
        Objects.requireNonNull(params, "params");
        return calls.blocking(CallInfo.of("models.list", null), calls.attemptTimeout(null), handle -> answers.read(
                api.listModelsRaw(params.beforeId(), params.afterId(), params.limit(), handle), AnswerType.MODEL_PAGE));
    }

    @Override
    public ModelInfo retrieve(String modelId) {
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("modelId must not be blank");
        }
        return calls.blocking(CallInfo.of("models.retrieve", modelId), calls.attemptTimeout(null),
                handle -> answers.read(api.getModelRaw(modelId, handle), AnswerType.MODEL));
    }
}
