package io.quarkiverse.claude.bench;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * The same resource as app-claude's, without the client: so that app-claude − this app is the extension alone, not
 * the extension plus one more JAX-RS resource. The benchmark never calls it.
 */
@Path("/ask")
public class ClientResource {

    @GET
    public String ask() {
        return "Say hello";
    }
}
