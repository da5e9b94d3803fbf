package io.quarkiverse.claude.runtime.rest;

import java.util.function.Consumer;

import io.quarkiverse.claude.errors.UnexpectedResponseException;
import io.quarkiverse.claude.errors.UnexpectedResponseException.Reason;
import io.quarkiverse.claude.runtime.errors.ResponseHeaders;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;

/**
 * Bounds each answer of one client to its {@code max-response-size}, on the Vert.x request, since the REST Client
 * reads a JSON body whole before anything of ours sees it: an answer that announces a larger {@code content-length}
 * is refused before its body, one that grows past the size is cut as soon as it does. Either way the request is reset
 * (its connection closed) with an {@link UnexpectedResponseException} ({@code TOO_LARGE}) as the cause, which the
 * client finds and throws. Streams ({@code text/event-stream}) are not bounded as a whole: their parser holds one event
 * at a time.
 * <p>
 * It also keeps Vert.x from logging a failed request at ERROR ("Connection reset"): the REST Client hands that failure
 * to the call, which types it and logs one WARN line per attempt. Installed with the REST Client builder's
 * {@code httpClientRequestCustomizer}, so it sees every request before the REST Client does.
 */
public final class AnswerSizeLimit implements Consumer<HttpClientRequest> {

    private static final Handler<Throwable> TYPED_BY_THE_CLIENT = failure -> {
    };

    private final long maxBytes;
    private final String maxBytesProperty;
    private final String baseUrlProperty;

    /**
     * @param maxBytes the largest answer read
     * @param maxBytesProperty the property that sets it, for messages
     * @param baseUrlProperty the client's base-url property, for messages
     */
    public AnswerSizeLimit(long maxBytes, String maxBytesProperty, String baseUrlProperty) {
        this.maxBytes = maxBytes;
        this.maxBytesProperty = maxBytesProperty;
        this.baseUrlProperty = baseUrlProperty;
    }

    @Override
    public void accept(HttpClientRequest request) {
        request.exceptionHandler(TYPED_BY_THE_CLIENT);
        if (request.connection() != null) {
            request.connection().exceptionHandler(TYPED_BY_THE_CLIENT);
        }
        request.response().onSuccess(response -> watch(request, response));
    }

    private void watch(HttpClientRequest request, HttpClientResponse response) {
        // the failure reaches the call through the REST Client; without a handler Vert.x would also log it at ERROR
        // (the REST Client sets its own handler on the response of a stream, once its filters have run)
        response.exceptionHandler(TYPED_BY_THE_CLIENT);
        String contentType = response.getHeader("content-type");
        if (contentType != null && contentType.regionMatches(true, 0, "text/event-stream", 0, 17)) {
            return;
        }
        if (isFileContent(request.getURI())) {
            return; // a file's content is as large as the file (the API stores up to 500 MB) and is streamed, not held
        }
        long announced = length(response.getHeader("content-length"));
        if (announced > maxBytes) {
            request.reset(0, tooLarge(response, "the answer announces " + announced + " bytes, more than "
                    + maxBytesProperty + " (" + maxBytes + " bytes); it was not read."));
            return;
        }
        response.handler(new Handler<>() {
            private long read;

            @Override
            public void handle(Buffer chunk) {
                read += chunk.length();
                if (read > maxBytes && read - chunk.length() <= maxBytes) {
                    request.reset(0, tooLarge(response, "the answer grew past " + maxBytesProperty + " (" + maxBytes
                            + " bytes); reading stopped there and the connection was closed."));
                }
            }
        });
    }

    private UnexpectedResponseException tooLarge(HttpClientResponse response, String what) {
        return new UnexpectedResponseException(Reason.TOO_LARGE, response.statusCode(),
                response.getHeader("content-type"), response.getHeader(ResponseHeaders.REQUEST_ID), "", false,
                what + " No answer of the API is that large: check what answers at " + baseUrlProperty
                        + ", or raise " + maxBytesProperty + ".");
    }

    /** {@code GET …/v1/files/{id}/content}. */
    static boolean isFileContent(String uri) {
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        return path.endsWith("/content") && path.contains("/v1/files/");
    }

    private static long length(String header) {
        try {
            return header == null ? -1 : Long.parseLong(header.trim());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }
}
