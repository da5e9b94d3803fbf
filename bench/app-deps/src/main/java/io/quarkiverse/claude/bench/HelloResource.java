package io.quarkiverse.claude.bench;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The startup baseline with the extension's libraries (REST Client + Jackson, SmallRye Fault Tolerance) but not the extension. */
@Path("/hello")
public class HelloResource {

    @GET
    public String hello() {
        return "hello";
    }
}
