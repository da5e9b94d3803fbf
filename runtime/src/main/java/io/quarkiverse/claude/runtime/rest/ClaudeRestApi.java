package io.quarkiverse.claude.runtime.rest;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.client.SseEvent;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.claude.model.Message;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.model.ModelInfo;
import io.quarkiverse.claude.model.ModelPage;
import io.quarkiverse.claude.model.TokenCount;
import io.quarkiverse.claude.model.batch.BatchPage;
import io.quarkiverse.claude.model.batch.BatchRequest;
import io.quarkiverse.claude.model.batch.MessageBatch;
import io.quarkus.rest.client.reactive.NotBody;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The Claude API as a Quarkus REST Client interface. Each configured client gets its own instance, with its base URL,
 * headers, timeouts and error mapping. Internal: applications use {@link io.quarkiverse.claude.ClaudeClient}; the
 * extension's own tests inject this with {@code @Inject @RestClient ClaudeRestApi} (plus {@code @ClaudeClientName} for
 * a named client). Failures of the typed methods are the raw REST Client's: the typed
 * {@link io.quarkiverse.claude.errors.ClaudeApiException}s for error answers, and JAX-RS {@code ProcessingException}s
 * for transport failures and bodies that do not read. Prefer {@link io.quarkiverse.claude.ClaudeClient}, which fills
 * defaults and types every failure.
 * <p>
 * The {@code *Raw} methods are what {@code ClaudeClient} uses: the answer's status, headers and body as bytes, so that
 * a body that is not the API's is typed with everything the answer said, and an {@link AnswerHandle}, never sent,
 * through which an attempt cut at its timeout or cancelled is aborted.
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

    /**
     * The request must have {@code "stream": true}. Each item is one server-sent event; its {@code data()} is the
     * event's data as the String the SSE parser read. The raw {@code SseEvent} is on purpose: with a type argument the
     * REST Client would run each event's data through a {@code MessageBodyReader} lookup, which was a third of the CPU
     * of decoding a stream. The handle, never sent, gets the answer's head.
     */
    @POST
    @Path("/messages")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @SuppressWarnings("rawtypes")
    Multi<SseEvent> streamMessage(MessageRequest request, @NotBody AnswerHandle handle);

    @POST
    @Path("/messages/count_tokens")
    TokenCount countTokens(MessageRequest request);

    @POST
    @Path("/messages/count_tokens")
    Uni<TokenCount> countTokensAsync(MessageRequest request);

    @POST
    @Path("/messages/batches")
    MessageBatch createBatch(BatchCreateBody body);

    @GET
    @Path("/messages/batches/{batchId}")
    MessageBatch getBatch(@RestPath("batchId") String batchId);

    /** Null parameters are not sent. */
    @GET
    @Path("/messages/batches")
    BatchPage listBatches(@RestQuery("before_id") String beforeId, @RestQuery("after_id") String afterId,
            @RestQuery("limit") Integer limit);

    @POST
    @Path("/messages/batches/{batchId}/cancel")
    MessageBatch cancelBatch(@RestPath("batchId") String batchId);

    @DELETE
    @Path("/messages/batches/{batchId}")
    JsonNode deleteBatch(@RestPath("batchId") String batchId);

    /**
     * The results file (JSON Lines), in chunks as they arrive; any content type is accepted. The handle, never sent,
     * gets the answer's head and stops the download quietly.
     */
    @GET
    @Path("/messages/batches/{batchId}/results")
    @Produces(MediaType.WILDCARD)
    Multi<byte[]> batchResults(@RestPath("batchId") String batchId, @NotBody AnswerHandle handle);

    /** The body of {@code POST /v1/messages/batches}. */
    record BatchCreateBody(@JsonProperty("requests") List<BatchRequest> requests) {
    }

    /** Null parameters are not sent. */
    @GET
    @Path("/models")
    ModelPage listModels(@RestQuery("before_id") String beforeId, @RestQuery("after_id") String afterId,
            @RestQuery("limit") Integer limit);

    @GET
    @Path("/models/{modelId}")
    ModelInfo getModel(@RestPath("modelId") String modelId);

    @POST
    @Path("/messages")
    Uni<RestResponse<byte[]>> createMessageRaw(MessageRequest request, @NotBody AnswerHandle handle);

    @POST
    @Path("/messages/count_tokens")
    Uni<RestResponse<byte[]>> countTokensRaw(MessageRequest request, @NotBody AnswerHandle handle);

    @POST
    @Path("/messages/batches")
    Uni<RestResponse<byte[]>> createBatchRaw(BatchCreateBody body, @NotBody AnswerHandle handle);

    @GET
    @Path("/messages/batches/{batchId}")
    Uni<RestResponse<byte[]>> getBatchRaw(@RestPath("batchId") String batchId, @NotBody AnswerHandle handle);

    @GET
    @Path("/messages/batches")
    Uni<RestResponse<byte[]>> listBatchesRaw(@RestQuery("before_id") String beforeId,
            @RestQuery("after_id") String afterId, @RestQuery("limit") Integer limit, @NotBody AnswerHandle handle);

    @POST
    @Path("/messages/batches/{batchId}/cancel")
    Uni<RestResponse<byte[]>> cancelBatchRaw(@RestPath("batchId") String batchId, @NotBody AnswerHandle handle);

    @DELETE
    @Path("/messages/batches/{batchId}")
    Uni<RestResponse<byte[]>> deleteBatchRaw(@RestPath("batchId") String batchId, @NotBody AnswerHandle handle);

    @GET
    @Path("/models")
    Uni<RestResponse<byte[]>> listModelsRaw(@RestQuery("before_id") String beforeId,
            @RestQuery("after_id") String afterId, @RestQuery("limit") Integer limit, @NotBody AnswerHandle handle);

    @GET
    @Path("/models/{modelId}")
    Uni<RestResponse<byte[]>> getModelRaw(@RestPath("modelId") String modelId, @NotBody AnswerHandle handle);

    /**
     * {@code POST /v1/files}: the form holds one part, {@code file}, streamed by the REST Client from a file or a
     * {@code Multi}. The Files API's beta is merged with the configured ones by {@link ClaudeHeadersFilter}.
     */
    @POST
    @Path("/files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @ClientHeaderParam(name = ClaudeHeadersFilter.BETA, value = io.quarkiverse.claude.Files.BETA)
    Uni<RestResponse<byte[]>> uploadFileRaw(ClientMultipartForm form, @NotBody AnswerHandle handle);

    @GET
    @Path("/files")
    @ClientHeaderParam(name = ClaudeHeadersFilter.BETA, value = io.quarkiverse.claude.Files.BETA)
    Uni<RestResponse<byte[]>> listFilesRaw(@RestQuery("before_id") String beforeId,
            @RestQuery("after_id") String afterId, @RestQuery("limit") Integer limit, @RestQuery("page") String page,
            @NotBody AnswerHandle handle);

    @GET
    @Path("/files/{fileId}")
    @ClientHeaderParam(name = ClaudeHeadersFilter.BETA, value = io.quarkiverse.claude.Files.BETA)
    Uni<RestResponse<byte[]>> getFileRaw(@RestPath("fileId") String fileId, @NotBody AnswerHandle handle);

    @DELETE
    @Path("/files/{fileId}")
    @ClientHeaderParam(name = ClaudeHeadersFilter.BETA, value = io.quarkiverse.claude.Files.BETA)
    Uni<RestResponse<byte[]>> deleteFileRaw(@RestPath("fileId") String fileId, @NotBody AnswerHandle handle);

    /**
     * {@code GET /v1/files/{id}/content}, in chunks as they arrive; any content type is accepted. The handle, never
     * sent, gets the answer's head and stops the download quietly.
     */
    @GET
    @Path("/files/{fileId}/content")
    @Produces(MediaType.WILDCARD)
    @ClientHeaderParam(name = ClaudeHeadersFilter.BETA, value = io.quarkiverse.claude.Files.BETA)
    Multi<byte[]> fileContent(@RestPath("fileId") String fileId, @NotBody AnswerHandle handle);
}
