package io.quarkiverse.claude.deployment;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.model.Message;
import io.quarkiverse.claude.model.MessageRequest;

/** The application of {@link DevServicesLiveReloadTest}: one call to Claude, and what it went to. */
@Path("/claude")
public class DevServicesLiveReloadResource {

    @Inject
    ClaudeClient claude;

    /** @return the base URL the client uses, the answer's id, and its text, one a line */
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String call() {
        Message answer = claude.messages().create(MessageRequest.of("before the reload"));
        return ConfigProvider.getConfig().getValue("quarkus.claude.base-url", String.class) + "\n" + answer.id() + "\n"
                + answer.text();
    }
}
