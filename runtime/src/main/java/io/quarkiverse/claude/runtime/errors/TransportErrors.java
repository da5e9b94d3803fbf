package io.quarkiverse.claude.runtime.errors;

import java.io.IOException;
import java.time.Duration;

import io.quarkiverse.claude.errors.ClaudeConnectionException;
import io.quarkiverse.claude.errors.ClaudeException;
import io.quarkiverse.claude.errors.ClientTimeoutException;
import io.quarkiverse.claude.runtime.config.ClaudeRuntimeConfig;

/**
 * Turns whatever the REST Client throws into a {@link ClaudeException}: the typed API error it carries, or a
 * connection or timeout failure in place of the raw Vert.x / JAX-RS exception.
 */
public final class TransportErrors {

    private final String baseUrl;
    private final Duration readTimeout;
    private final String readTimeoutProperty;
    private final String baseUrlProperty;

    /** @param clientName the client whose calls these are, whose properties the messages name */
    public TransportErrors(String clientName, String baseUrl, Duration readTimeout) {
        this.baseUrl = baseUrl;
        this.readTimeout = readTimeout;
        this.readTimeoutProperty = ClaudeRuntimeConfig.property(clientName, "read-timeout");
        this.baseUrlProperty = ClaudeRuntimeConfig.property(clientName, "base-url");
    }

    /** @return the typed failure, or {@code failure} itself when it is neither an API nor a transport failure */
    public Throwable translate(Throwable failure) {
        Throwable claude = claudeFailureIn(failure);
        if (claude instanceof ClaudeException) {
            return claude;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (isTimeout(cause)) {
                return new ClientTimeoutException(baseUrl, readTimeout, readTimeoutProperty, failure);
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (isConnectionFailure(cause)) {
                return new ClaudeConnectionException(baseUrl, baseUrlProperty, cause);
            }
        }
        return failure;
    }

    /**
     * @return the {@link ClaudeException} that {@code failure} is or carries (the REST Client wraps some), else
     *         {@code failure} itself, unchanged: the typing of an application's own method, whose I/O failures and
     *         timeouts are its own and not the client's
     */
    public static Throwable claudeFailureIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ClaudeException typed) {
                return typed;
            }
        }
        return failure;
    }

    /** For blocking calls: the same, as an unchecked exception to throw. */
    public RuntimeException translateToThrow(RuntimeException failure) {
        Throwable translated = translate(failure);
        return translated instanceof RuntimeException runtime ? runtime : failure;
    }

    private static boolean isTimeout(Throwable cause) {
        // Vert.x and Netty have several timeout types (NoStackTraceTimeoutException, ConnectTimeoutException, …).
        return cause instanceof java.util.concurrent.TimeoutException || cause instanceof java.net.SocketTimeoutException
                || cause.getClass().getSimpleName().contains("Timeout");
    }

    private static boolean isConnectionFailure(Throwable cause) {
        if (cause instanceof com.fasterxml.jackson.core.JacksonException) {
            return false; // an IOException, but an unreadable body, not a broken connection
        }
        return cause instanceof IOException // ConnectException, ClosedChannelException, SSLException, UnknownHost…
                || cause instanceof io.vertx.core.VertxException
                || cause.getClass().getName().startsWith("io.netty.channel.");
    }
}
