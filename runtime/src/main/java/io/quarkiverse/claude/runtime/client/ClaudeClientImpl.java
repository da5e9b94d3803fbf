package io.quarkiverse.claude.runtime.client;

import io.quarkiverse.claude.Batches;
import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.Files;
import io.quarkiverse.claude.Messages;
import io.quarkiverse.claude.Models;
import io.quarkiverse.claude.model.RateLimits;
import io.quarkiverse.claude.runtime.call.ClaudeCalls;
import io.quarkiverse.claude.runtime.rest.ClaudeRestApi;
import io.quarkiverse.claude.runtime.rest.RateLimitTracker;

/** One configured client: its REST interface, its call policy and its API namespaces. */
public final class ClaudeClientImpl implements ClaudeClient {

    private final String name;
    private final ClaudeRestApi rest;
    private final RateLimitTracker rateLimits;
    private final Messages messages;
    private final Models models;
    private final Batches batches;
    private final Files files;
    private final ClaudeCalls calls;

    ClaudeClientImpl(String name, ClaudeRestApi rest, RateLimitTracker rateLimits, ClaudeCalls calls,
            JsonAnswers answers, String model, int maxTokens, SamplingDefaults sampling) {
        this.name = name;
        this.rest = rest;
        this.rateLimits = rateLimits;
        this.calls = calls;
        MessagesImpl messages = new MessagesImpl(rest, calls, answers, model, maxTokens, sampling);
        this.messages = messages;
        this.models = new ModelsImpl(rest, calls, answers);
        this.batches = new BatchesImpl(rest, calls, messages, answers);
        this.files = new FilesImpl(rest, calls, answers);
    }

    @Override
    public Messages messages() {
        return messages;
    }

    @Override
    public Models models() {
        return models;
    }

    @Override
    public Batches batches() {
        return batches;
    }

    @Override
    public Files files() {
        return files;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RateLimits lastRateLimits() {
        return rateLimits.latest();
    }

    /** @return the latest rate-limit headers with the time they arrived, for proactive throttling */
    public RateLimitTracker.Snapshot rateLimitSnapshot() {
        return rateLimits.latestSnapshot();
    }

    /** @return the client's call policy (its circuit breaker state, for the health check) */
    public ClaudeCalls calls() {
        return calls;
    }

    ClaudeRestApi rest() {
        return rest;
    }

    @Override
    public String toString() {
        return "ClaudeClient[" + name + "]";
    }
}
