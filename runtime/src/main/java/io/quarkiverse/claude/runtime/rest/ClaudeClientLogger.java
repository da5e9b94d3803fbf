package io.quarkiverse.claude.runtime.rest;

import java.util.Set;

import org.jboss.resteasy.reactive.client.logging.DefaultClientLogger;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;

/**
 * The REST Client's own request/response logger, with the secret headers masked and requests and responses switched
 * separately.
 */
public final class ClaudeClientLogger extends DefaultClientLogger {

    /** Headers whose values never reach a log. */
    public static final Set<String> SECRET_HEADERS = Set.of("x-api-key", "authorization", "proxy-authorization");

    private final boolean logRequests;
    private final boolean logResponses;

    public ClaudeClientLogger(boolean logRequests, boolean logResponses, int bodyLimit) {
        this.logRequests = logRequests;
        this.logResponses = logResponses;
        setBodySize(bodyLimit);
        setMaskedHeaders(SECRET_HEADERS);
    }

    @Override
    public void logRequest(HttpClientRequest request, Buffer body, boolean omitBody) {
        if (logRequests) {
            super.logRequest(request, body, omitBody);
        }
    }

    @Override
    public void logResponse(HttpClientResponse response, boolean redirect) {
        if (logResponses) {
            super.logResponse(response, redirect);
        }
    }
}
