package io.quarkiverse.claude.bench;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.quarkiverse.claude.ClaudeClient;

/** The same app as app-plain, plus the extension: the first request also creates the client (no API call). */
@Path("/hello")
public class HelloResource {

    @Inject
    ClaudeClient claude;

    @GET
    public String hello() {
        return claude.getClass() != null ? "hello" : "?";
    }
}
