package io.quarkiverse.claude.runtime.rest;

import java.util.List;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;

import org.jboss.resteasy.reactive.client.impl.ClientRequestContextImpl;
import org.jboss.resteasy.reactive.client.impl.PreservesThreadClientResponseFilter;
import org.jboss.resteasy.reactive.client.impl.RestClientRequestContext;

import io.quarkiverse.claude.runtime.errors.ResponseHeaders;
import io.vertx.core.http.HttpClientResponse;

/**
 * One answer read as it arrives (a stream's events, a batch's results): what its head said, so that a bad event or
 * line can name the status, content type and request id, and a quiet way to stop it. The REST Client closes the
 * connection of a chunked download that its reader cancels, and then fails the download's emitter, already cancelled,
 * with the closed connection, which Mutiny reports as an ERROR ("had to drop the following exception");
 * {@link #quiet()}, run as the reader cancels, takes that failure away first.
 * <p>
 * Passed to the REST interface as a {@code @NotBody} parameter, never sent. The client's {@link Filter} hands it the
 * head of its answer. One per call.
 */
public final class AnswerHandle {

    private volatile RestClientRequestContext request;
    private volatile HttpClientResponse response;
    private volatile int status;
    private volatile String contentType;
    private volatile String requestId;

    /** @return the status of the answer; 0 before its head arrived */
    public int status() {
        return status;
    }

    /** @return the answer's {@code content-type}, or {@code null} */
    public String contentType() {
        return contentType;
    }

    /** @return the answer's {@code request-id}, or {@code null} */
    public String requestId() {
        return requestId;
    }

    /** The answer is being cancelled: the closed connection that follows is expected, not a failure to report. */
    public void quiet() {
        HttpClientResponse current = response;
        if (current != null) {
            current.exceptionHandler(expected -> {
            });
        }
    }

    /**
     * Aborts the exchange by resetting its HTTP request, so that the REST Client's call fails (rather than being
     * cancelled, which can make the REST Client drop the reset's failure into Mutiny's ERROR log).
     *
     * @return {@code false} when the request does not exist yet: then the caller cancels the REST call instead
     */
    public boolean abort() {
        RestClientRequestContext current = request;
        io.vertx.core.http.HttpClientRequest http = current == null ? null : current.getHttpClientRequest();
        if (http == null) {
            return false;
        }
        quiet();
        http.reset();
        return true;
    }

    /** Gives each call's handle its request and the head of its answer. Blocks nothing, so it keeps the thread. */
    public static final class Filter implements PreservesThreadClientResponseFilter, ClientRequestFilter {

        @Override
        public void filter(ClientRequestContext request) {
            AnswerHandle handle = handleOf(request);
            if (handle != null && request instanceof ClientRequestContextImpl impl) {
                handle.request = impl.getRestClientRequestContext();
            }
        }

        @Override
        public void filter(ClientRequestContext request, ClientResponseContext head) {
            AnswerHandle handle = handleOf(request);
            if (handle == null || head.getHeaders() == null) {
                return;
            }
            handle.status = head.getStatus();
            handle.contentType = head.getHeaderString("content-type");
            handle.requestId = head.getHeaderString(ResponseHeaders.REQUEST_ID);
            if (request instanceof ClientRequestContextImpl impl) {
                handle.response = impl.getRestClientRequestContext().getVertxClientResponse();
            }
        }

        /** The REST Client keeps the arguments of the invoked method in a request property, as a list. */
        private static AnswerHandle handleOf(ClientRequestContext request) {
            if (request.getProperty(RestClientRequestContext.INVOKED_METHOD_PARAMETERS_PROP) instanceof List<?> args) {
                for (Object arg : args) {
                    if (arg instanceof AnswerHandle handle) {
                        return handle;
                    }
                }
            }
            return null;
        }
    }
}
