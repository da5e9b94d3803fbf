package io.quarkiverse.claude.bench;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The startup baseline: a Quarkus REST app without the extension. */
@Path("/hello")
public class HelloResource {

    @GET
    public String hello() {
        return "hello";
    }
}
