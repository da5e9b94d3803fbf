package io.quarkiverse.claude.runtime.rest;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.client.impl.ClientRequestContextImpl;
import org.jboss.resteasy.reactive.client.impl.PreservesThreadClientResponseFilter;

import io.quarkiverse.claude.errors.UnexpectedResponseException;
import io.quarkiverse.claude.errors.UnexpectedResponseException.Reason;
import io.quarkiverse.claude.runtime.errors.ResponseHeaders;
import io.vertx.core.http.HttpClientResponse;

/**
 * A streaming request must be answered with {@code text/event-stream}: any other successful answer (a gateway's plain
 * JSON message, an HTML page) fails the call with an {@link UnexpectedResponseException} ({@code NOT_A_STREAM}) before
 * the REST Client tries to read it as events. Its body is not read, so its connection is closed rather than left
 * half-read. It reads a few headers and blocks nothing, so it keeps the thread
 * ({@link PreservesThreadClientResponseFilter}).
 */
public final class StreamAnswerFilter implements PreservesThreadClientResponseFilter {

    private final String baseUrlProperty;

    /** @param baseUrlProperty the client's base-url property, for messages */
    public StreamAnswerFilter(String baseUrlProperty) {
        this.baseUrlProperty = baseUrlProperty;
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (response.getHeaders() == null || response.getStatus() < 200 || response.getStatus() >= 300
                || !accepts(request, MediaType.SERVER_SENT_EVENTS)) {
            return; // a transport failure, an error answer (typed by ClaudeErrorMapper), or not a streaming request
        }
        String contentType = response.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && contentType.regionMatches(true, 0, MediaType.SERVER_SENT_EVENTS, 0,
                MediaType.SERVER_SENT_EVENTS.length())) {
            return;
        }
        close(request);
        throw new UnexpectedResponseException(Reason.NOT_A_STREAM, response.getStatus(), contentType,
                response.getHeaderString(ResponseHeaders.REQUEST_ID), "", false,
                "a streaming request was answered with " + (contentType == null ? "no content type" : contentType)
                        + " instead of text/event-stream. A proxy or gateway between the client and the API may not "
                        + "pass streams through: check " + baseUrlProperty + ".");
    }

    private static boolean accepts(ClientRequestContext request, String mediaType) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        return accept != null && accept.startsWith(mediaType);
    }

    /** The REST Client leaves an unread streamed answer paused on its connection: close it. */
    private static void close(ClientRequestContext request) {
        if (request instanceof ClientRequestContextImpl impl) {
            HttpClientResponse vertx = impl.getRestClientRequestContext().getVertxClientResponse();
            if (vertx != null) {
                vertx.exceptionHandler(ignored -> {
                });
                vertx.request().connection().close();
            }
        }
    }
}
