package io.quarkiverse.claude.runtime.rest;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.jboss.resteasy.reactive.client.logging.DefaultClientLogger;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;

/**
 * The REST Client's own request/response logger, with the secret headers always masked and requests and responses
 * switched separately.
 */
public final class ClaudeClientLogger extends DefaultClientLogger {

    /** Headers whose values never reach a log. */
    public static final Set<String> SECRET_HEADERS = Set.of("x-api-key", "authorization", "proxy-authorization");

    private final boolean logRequests;
    private final boolean logResponses;

    public ClaudeClientLogger(boolean logRequests, boolean logResponses) {
        this.logRequests = logRequests;
        this.logResponses = logResponses;
        setMaskedHeaders(Set.of());
    }

    /**
     * The REST Client hands every logger the headers to mask when it builds the client: the application's
     * {@code quarkus.rest-client.logging.masked-headers}, or none. The secret headers are masked on top of them, so that
     * no setting unmasks the key.
     */
    @Override
    public void setMaskedHeaders(Set<String> maskedHeaders) {
        Set<String> masked = new HashSet<>(SECRET_HEADERS);
        maskedHeaders.forEach(header -> masked.add(header.toLowerCase(Locale.ROOT)));
        super.setMaskedHeaders(Set.copyOf(masked));
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
