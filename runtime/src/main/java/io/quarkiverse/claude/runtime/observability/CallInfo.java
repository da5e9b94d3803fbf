package io.quarkiverse.claude.runtime.observability;

import io.quarkiverse.claude.model.Message;
import io.quarkiverse.claude.model.Usage;
import io.quarkiverse.claude.runtime.call.AttemptCost;

/**
 * What a call is (operation, model) and what its answer reported (usage, answering model, id), for the
 * {@link io.quarkiverse.claude.ClaudeCallEvent}. One per call; a stream fills it as its events pass.
 */
public final class CallInfo {

    final String operation;
    final String model;
    final boolean batch;
    private volatile Usage usage;
    private AttemptCost cost = AttemptCost.REQUEST_ONLY;
    private volatile String responseModel;
    private volatile String messageId;
    private volatile String requestId;

    private CallInfo(String operation, String model, boolean batch) {
        this.operation = operation;
        this.model = model;
        this.batch = batch;
    }

    public static CallInfo of(String operation, String model) {
        return new CallInfo(operation, model, false);
    }

    /** @return this call, whose attempts each take {@code cost} from the rate limits */
    public CallInfo costing(AttemptCost cost) {
        this.cost = cost;
        return this;
    }

    public AttemptCost cost() {
        return cost;
    }

    /** The results of a Message Batch: their usage is billed at the batch price. */
    public static CallInfo batchResults() {
        return new CallInfo("batches.results", null, true);
    }

    /** The answers of a batch, each priced with its own model. */
    private final java.util.List<Message> batchAnswers = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Takes one succeeded result of a batch: its usage adds up, its model is the answering model (or "mixed"). */
    public void batchAnswer(Message message) {
        batchAnswers.add(message);
        if (message.usage() != null) {
            Usage current = usage;
            Usage u = message.usage();
            usage = current == null ? new Usage(u.inputTokens(), u.outputTokens(), u.cacheCreationInputTokens(),
                    u.cacheReadInputTokens())
                    : new Usage(current.inputTokens() + u.inputTokens(), current.outputTokens() + u.outputTokens(),
                            current.cacheCreationInputTokens() + u.cacheCreationInputTokens(),
                            current.cacheReadInputTokens() + u.cacheReadInputTokens());
        }
        String model = message.model();
        if (responseModel == null) {
            responseModel = model;
        } else if (model != null && !model.equals(responseModel)) {
            responseModel = "mixed";
        }
    }

    java.util.List<Message> batchAnswers() {
        return batchAnswers;
    }

    /** Takes what an answer reports, when it is a {@link Message}. */
    public void recordResult(Object result) {
        if (result instanceof Message message) {
            answer(message);
        }
    }

    public void answer(Message message) {
        responseModel = message.model();
        messageId = message.id();
        if (message.usage() != null) {
            usage = message.usage();
        }
    }

    /** The {@code request-id} of the answer that succeeded, when it had one. */
    public void answeredWith(String requestId) {
        if (requestId != null) {
            this.requestId = requestId;
        }
    }

    /** A stream's {@code message_delta} usage: cumulative, so it replaces the counts it reports. */
    public void usageDelta(Usage delta) {
        Usage current = usage;
        usage = current == null ? delta : current.updatedBy(delta);
    }

    Usage usage() {
        return usage;
    }

    String responseModel() {
        return responseModel;
    }

    String messageId() {
        return messageId;
    }

    /** @return the {@code request-id} of the answer that succeeded (or, for a stream, that began), or {@code null} */
    public String requestId() {
        return requestId;
    }
}
