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

    private final AtomicReference<RateLimits> latest = new AtomicReference<>(RateLimits.NONE);

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (response.getHeaders() == null) {
            return; // the REST Client runs response filters on transport failures too, with no response
        }
        RateLimits limits = ResponseHeaders.rateLimits(response::getHeaderString);
        if (limits.isPresent()) {
            latest.set(limits);
        }
    }

    public RateLimits latest() {
        return latest.get();
    }
}
