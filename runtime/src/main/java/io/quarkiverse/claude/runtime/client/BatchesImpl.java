package io.quarkiverse.claude.runtime.client;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.quarkiverse.claude.Batches;
import io.quarkiverse.claude.errors.InvalidRequestException;
import io.quarkiverse.claude.model.PageParams;
import io.quarkiverse.claude.model.batch.BatchPage;
import io.quarkiverse.claude.model.batch.BatchRequest;
import io.quarkiverse.claude.model.batch.BatchResult;
import io.quarkiverse.claude.model.batch.MessageBatch;
import io.quarkiverse.claude.runtime.call.ClaudeCalls;
import io.quarkiverse.claude.runtime.errors.ApiErrors;
import io.quarkiverse.claude.runtime.observability.CallInfo;
import io.quarkiverse.claude.runtime.rest.AnswerHandle;
import io.quarkiverse.claude.runtime.rest.ClaudeRestApi;
import io.smallrye.mutiny.Multi;

/** The Message Batches API of one client. */
final class BatchesImpl implements Batches {

    private final ClaudeRestApi api;
    private final ClaudeCalls calls;
    private final MessagesImpl messages;
    private final JsonAnswers answers;

    BatchesImpl(ClaudeRestApi api, ClaudeCalls calls, MessagesImpl messages, JsonAnswers answers) {
        this.api = api;
        this.calls = calls;
        this.messages = messages;
        this.answers = answers;
    }

    @Override
    public MessageBatch create(List<BatchRequest> requests) {
        Objects.requireNonNull(requests, "requests");
        if (requests.isEmpty() || requests.size() > MAX_REQUESTS) {
            throw invalid("requests: a batch holds 1 to " + MAX_REQUESTS + " requests, not " + requests.size());
        }
        Set<String> ids = new HashSet<>();
        List<BatchRequest> complete = requests.stream().map(request -> {
            if (request.customId().isBlank() || !ids.add(request.customId())) {
                throw invalid("requests: custom_id \"" + request.customId() + "\" is blank or not unique");
            }
            BatchRequest withDefaults = BatchRequest.of(request.customId(), messages.withDefaults(request.params()));
            try {
                messages.preflight().checkRequest(withDefaults.params());
            } catch (InvalidRequestException e) {
                throw invalid("requests[custom_id=" + request.customId() + "]: " + e.errorMessage());
            }
            return withDefaults;
        }).toList();
        ClaudeRestApi.BatchCreateBody body = new ClaudeRestApi.BatchCreateBody(complete);
        RequestPreflight.checkSize(body, RequestPreflight.BATCH_MAX_BYTES);
        return calls.blocking(CallInfo.of("batches.create", null), calls.attemptTimeout(null),
                handle -> answers.read(api.createBatchRaw(body, handle), AnswerType.BATCH));
    }

    @Override
    public MessageBatch retrieve(String batchId) {
        String id = requireId(batchId);
        return calls.blocking(CallInfo.of("batches.retrieve", null), calls.attemptTimeout(null),
                handle -> answers.read(api.getBatchRaw(id, handle), AnswerType.BATCH));
    }

    @Override
    public BatchPage list(PageParams params) {
        Objects.requireNonNull(params, "params");
        return calls.blocking(CallInfo.of("batches.list", null), calls.attemptTimeout(null), handle -> answers.read(
                api.listBatchesRaw(params.beforeId(), params.afterId(), params.limit(), handle), AnswerType.BATCH_PAGE));
    }

    @Override
    public MessageBatch cancel(String batchId) {
        String id = requireId(batchId);
        return calls.blocking(CallInfo.of("batches.cancel", null), calls.attemptTimeout(null),
                handle -> answers.read(api.cancelBatchRaw(id, handle), AnswerType.BATCH));
    }

    @Override
    public void delete(String batchId) {
        String id = requireId(batchId);
        calls.blocking(CallInfo.of("batches.delete", null), calls.attemptTimeout(null),
                handle -> answers.read(api.deleteBatchRaw(id, handle), AnswerType.DELETED));
    }

    @Override
    public Multi<BatchResult> results(String batchId) {
        String id = requireId(batchId);
        CallInfo info = CallInfo.batchResults();
        return calls.stream(info, () -> {
            AnswerHandle answer = new AnswerHandle();
            BatchResultsDecoder decoder = new BatchResultsDecoder(answers, answer);
            return Multi.createBy().concatenating().streams(
                    api.batchResults(id, answer).onCancellation().invoke(answer::quiet)
                            .onItem().transformToIterable(decoder::decode),
                    Multi.createFrom().deferred(() -> Multi.createFrom().iterable(decoder.finish())))
                    .onItem().invoke(result -> result.messageValue().ifPresent(info::batchAnswer));
        });
    }

    private static String requireId(String batchId) {
        if (batchId == null || batchId.isBlank()) {
            throw new IllegalArgumentException("batchId must not be blank");
        }
        return batchId;
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException(
                ApiErrors.preflight(InvalidRequestException.STATUS, InvalidRequestException.TYPE, message));
    }
}
