package io.quarkiverse.claude.runtime.rest;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;

import org.jboss.resteasy.reactive.client.impl.PreservesThreadClientResponseFilter;

import io.quarkiverse.claude.model.RateLimits;
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
            latest.set(new Snapshot(limits, java.time.Instant.now()));
        }
    }

    public RateLimits latest() {
        return latest.get().limits();
    }

    /** @return the latest headers with the time they arrived */
    public Snapshot latestSnapshot() {
        return latest.get();
    }
}
