package io.quarkiverse.claude.runtime;

import io.quarkiverse.claude.model.Message;
import io.quarkiverse.claude.model.Usage;

/**
 * What a call is (operation, model) and what its answer reported (usage, answering model, id), for the
 * {@link io.quarkiverse.claude.ClaudeCallEvent}. One per call; a stream fills it as its events pass.
 */
final class CallInfo {

    final String operation;
    final String model;
    final boolean batch;
    private volatile Usage usage;
    private volatile String responseModel;
    private volatile String messageId;

    private CallInfo(String operation, String model, boolean batch) {
        this.operation = operation;
        this.model = model;
        this.batch = batch;
    }

    static CallInfo of(String operation, String model) {
        return new CallInfo(operation, model, false);
    }

    /** Takes what an answer reports, when it is a {@link Message}. */
    void recordResult(Object result) {
        if (result instanceof Message message) {
            answer(message);
        }
    }

    void answer(Message message) {
        responseModel = message.model();
        messageId = message.id();
        if (message.usage() != null) {
            usage = message.usage();
        }
    }

    /** A stream's {@code message_delta} usage: cumulative, so it replaces the counts it reports. */
    void usageDelta(Usage delta) {
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
}
