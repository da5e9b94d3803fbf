package io.quarkiverse.claude.runtime.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.client.SseEvent;

import io.quarkiverse.claude.model.Message;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.model.ModelInfo;
import io.quarkiverse.claude.model.ModelPage;
import io.quarkiverse.claude.model.TokenCount;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The Claude API as a Quarkus REST Client interface. Each configured client gets its own instance, with its base URL,
 * headers, timeouts and error mapping; inject it with {@code @Inject @RestClient ClaudeRestApi} (plus
 * {@code @ClaudeClientName} for a named client). Failures are the raw REST Client's: the typed
 * {@link io.quarkiverse.claude.errors.ClaudeApiException}s for error answers, and JAX-RS
 * {@code ProcessingException}s for transport failures. Prefer {@link io.quarkiverse.claude.ClaudeClient}, which
 * fills defaults and types every failure.
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ClaudeRestApi {

    @POST
    @Path("/messages")
    Message createMessage(MessageRequest request);

    @POST
    @Path("/messages")
    Uni<Message> createMessageAsync(MessageRequest request);

    /** The request must have {@code "stream": true}. Each item is one server-sent event, its data unparsed. */
    @POST
    @Path("/messages")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Multi<SseEvent<String>> streamMessage(MessageRequest request);

    @POST
    @Path("/messages/count_tokens")
    TokenCount countTokens(MessageRequest request);

    @POST
    @Path("/messages/count_tokens")
    Uni<TokenCount> countTokensAsync(MessageRequest request);

    /** Null parameters are not sent. */
    @GET
    @Path("/models")
    ModelPage listModels(@RestQuery("before_id") String beforeId, @RestQuery("after_id") String afterId,
            @RestQuery("limit") Integer limit);

    @GET
    @Path("/models/{modelId}")
    ModelInfo getModel(@RestPath("modelId") String modelId);
}
