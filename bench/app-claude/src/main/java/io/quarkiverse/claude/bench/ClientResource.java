package io.quarkiverse.claude.bench;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.quarkiverse.claude.ClaudeClient;

/** Injects the client as an application would, so its startup check runs; the benchmark never calls it. */
@Path("/ask")
public class ClientResource {

    @Inject
    ClaudeClient claude;

    @GET
    public String ask() {
        return claude.ask("Say hello");
    }
}
