package org.acme;

import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.errors.RateLimitException;

@Path("/haiku")
public class HaikuResource {

    @Inject
    ClaudeClient claude;

    @GET
    public String haiku(@QueryParam("topic") String topic) {
        try {
            return claude.ask("Write a haiku about " + topic);
        } catch (RateLimitException e) {
            throw new WebApplicationException(Response.status(429)
                    .header("Retry-After", e.retryAfter().map(Duration::toSeconds).orElse(1L)).build());
        }
    }
}
