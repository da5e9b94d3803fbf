package io.quarkiverse.claude.runtime.rest;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;

import org.jboss.resteasy.reactive.client.impl.PreservesThreadClientResponseFilter;

import io.quarkiverse.claude.model.RateLimits;
import io.quarkiverse.claude.model.RateLimits.RateLimit;
import io.quarkiverse.claude.runtime.errors.ResponseHeaders;

/**
 * Keeps the {@code anthropic-ratelimit-*} headers of the latest response of one client, successful or not. It reads a
 * few headers and blocks nothing, so it says so ({@link PreservesThreadClientResponseFilter}): the REST Client runs any
 * other response filter on a worker thread, a hop there and back for every answer.
 */
public final class RateLimitTracker implements PreservesThreadClientResponseFilter {

    /** The headers of one answer and when they arrived, which is when their {@code reset} times count from. */
    public record Snapshot(RateLimits limits, java.time.Instant receivedAt) {
        static final Snapshot NONE = new Snapshot(RateLimits.NONE, java.time.Instant.EPOCH);
    }

    private final AtomicReference<Snapshot> latest = new AtomicReference<>(Snapshot.NONE);

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (response.getHeaders() == null) {
            return; // the REST Client runs response filters on transport failures too, with no response
        }
        RateLimits limits = ResponseHeaders.rateLimits(response::getHeaderString);
        if (limits.isPresent()) {
            offer(new Snapshot(limits, java.time.Instant.now()));
        }
    }

    /**
     * Keeps {@code snapshot} unless the one kept is newer: the answers of concurrent attempts can arrive in another
     * order than the API counted their requests, and an older one would say more is left than is.
     */
    void offer(Snapshot snapshot) {
        latest.accumulateAndGet(snapshot, (kept, offered) -> isOlder(offered.limits(), kept.limits()) ? kept : offered);
    }

    /** Compared on the first limit that both tell: requests, then tokens, input tokens, output tokens. */
    private static boolean isOlder(RateLimits offered, RateLimits kept) {
        RateLimit[] o = { offered.requests(), offered.tokens(), offered.inputTokens(), offered.outputTokens() };
        RateLimit[] k = { kept.requests(), kept.tokens(), kept.inputTokens(), kept.outputTokens() };
        for (int i = 0; i < o.length; i++) {
            if (comparable(o[i]) && comparable(k[i])) {
                return !newer(o[i], k[i]);
            }
        }
        return false;
    }

    /**
     * Whether {@code candidate} was counted after {@code current} (or at the same point). A limit's reset (when it is
     * whole again) never moves back while requests are taken from it, whether the API refills it continuously (each
     * request moves the reset later) or renews it per window (a later window has a later reset); within one reset,
     * less remaining is newer.
     */
    public static boolean newer(RateLimit candidate, RateLimit current) {
        if (!comparable(candidate)) {
            return false;
        }
        if (!comparable(current)) {
            return true;
        }
        int byReset = candidate.reset().toInstant().compareTo(current.reset().toInstant());
        return byReset > 0 || byReset == 0 && candidate.remaining() <= current.remaining();
    }

    private static boolean comparable(RateLimit limit) {
        return limit != null && limit.reset() != null && limit.remaining() != null;
    }

    public RateLimits latest() {
        return latest.get().limits();
    }

    /** @return the latest headers with the time they arrived */
    public Snapshot latestSnapshot() {
        return latest.get();
    }
}
