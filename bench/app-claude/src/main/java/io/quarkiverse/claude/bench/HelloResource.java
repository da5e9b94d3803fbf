package io.quarkiverse.claude.bench;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The same endpoint as app-plain; this app also has the extension and a resource that uses it (ClientResource). */
@Path("/hello")
public class HelloResource {

    @GET
    public String hello() {
        return "hello";
    }
}
