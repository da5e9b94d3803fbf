package io.quarkiverse.claude.runtime.rest;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;

import io.quarkiverse.claude.model.RateLimits;
import io.quarkiverse.claude.runtime.errors.ResponseHeaders;

/** Keeps the {@code anthropic-ratelimit-*} headers of the latest response of one client, successful or not. */
public final class RateLimitTracker implements ClientResponseFilter {

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
