package io.quarkiverse.claude.runtime.errors;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.claude.errors.ApiError;
import io.quarkiverse.claude.errors.AuthenticationException;
import io.quarkiverse.claude.errors.BillingException;
import io.quarkiverse.claude.errors.ClaudeApiException;
import io.quarkiverse.claude.errors.ConflictException;
import io.quarkiverse.claude.errors.InternalServerException;
import io.quarkiverse.claude.errors.InvalidRequestException;
import io.quarkiverse.claude.errors.NotFoundException;
import io.quarkiverse.claude.errors.OverloadedException;
import io.quarkiverse.claude.errors.PermissionException;
import io.quarkiverse.claude.errors.RateLimitException;
import io.quarkiverse.claude.errors.RequestTooLargeException;
import io.quarkiverse.claude.errors.ServerTimeoutException;
import io.quarkiverse.claude.model.RateLimits;
import io.quarkiverse.claude.runtime.config.ClaudeRuntimeConfig;
import io.quarkiverse.claude.runtime.json.WireJson;

/**
 * Reads an error answer (status, headers, body) into an {@link ApiError}, and picks the exception of its class: by
 * {@code error.type} when the body names a known one, else by status. Bodies that are not the API's JSON (a proxy's
 * HTML page, an empty 503) still map by status, with the start of the body as the message.
 */
public final class ApiErrors {

    /** How much of a body that is not JSON goes into the message. */
    static final int BODY_EXCERPT = 200;

    private static final ObjectMapper JSON = WireJson.MAPPER;

    private ApiErrors() {
    }

    public static ApiError parse(int status, Function<String, String> header, String body) {
        String type = null;
        String message = null;
        String requestId = null;
        String errorCode = null;
        JsonNode root = readJson(body);
        if (root != null && root.path("error").isObject()) {
            JsonNode error = root.get("error");
            type = textOrNull(error.get("type"));
            message = textOrNull(error.get("message"));
            errorCode = textOrNull(error.path("details").get("error_code"));
            requestId = textOrNull(root.get("request_id"));
        } else {
            message = nonJsonMessage(body);
        }
        if (requestId == null) {
            requestId = header.apply(ResponseHeaders.REQUEST_ID);
        }
        return new ApiError(status, type, message, requestId,
                ResponseHeaders.retryAfter(header, () -> ZonedDateTime.now(ZoneOffset.UTC)),
                ResponseHeaders.shouldRetry(header), errorCode, ResponseHeaders.rateLimits(header),
                body == null ? "" : body, false, false);
    }

    /**
     * Reads the data of an SSE {@code error} event, which has the body's shape but arrives after a 200; its status is
     * the documented status of its {@code error.type}.
     *
     * @param requestId the stream's {@code request-id} header, the request id when the event's data has none
     */
    public static ApiError parseStreamError(String data, String requestId, boolean contentDelivered) {
        Function<String, String> header = name -> ResponseHeaders.REQUEST_ID.equals(name) ? requestId : null;
        return withTypeStatus(parse(200, header, data), true, contentDelivered);
    }

    /**
     * Reads the API's error body that came with a successful status (a gateway that answers 200 whatever happened):
     * its status is the documented status of its {@code error.type}; the headers still count.
     */
    public static ApiError parseInSuccess(Function<String, String> header, String body) {
        return withTypeStatus(parse(200, header, body), false, false);
    }

    /** Reads an error body found inside a 200 answer (an SSE event, a batch result). */
    public static ApiError parseEmbedded(String body, boolean inStream, boolean contentDelivered) {
        return withTypeStatus(parse(200, name -> null, body), inStream, contentDelivered);
    }

    /** An error read from a 200: its status becomes the documented status of its {@code error.type}. */
    private static ApiError withTypeStatus(ApiError error, boolean inStream, boolean contentDelivered) {
        return new ApiError(statusOf(error.type(), 200), error.type(), error.message(), error.requestId(),
                error.retryAfter(), error.shouldRetry(), error.errorCode(), error.rateLimits(), error.body(), inStream,
                contentDelivered);
    }

    /**
     * An error found before sending, in the shape the API would have answered; it has no request id because nothing
     * was sent.
     */
    public static ApiError preflight(int status, String type, String message) {
        return new ApiError(status, type, message + " (checked before sending: nothing was sent)", null, null,
                Boolean.FALSE, null, RateLimits.NONE, "", false, false);
    }

    /** @return whether a body is the API's error body: {@code {"type":"error","error":{…}}} */
    public static boolean isErrorBody(String body) {
        JsonNode root = readJson(body);
        return root != null && "error".equals(root.path("type").asText(null)) && root.path("error").isObject();
    }

    /** @param clientName the client that got the answer, whose properties the exception's hint names */
    public static ClaudeApiException toException(ApiError error, String clientName) {
        String type = error.type() != null && statusOf(error.type(), -1) > 0 ? error.type() : typeOf(error.status());
        if (type == null) {
            return new ClaudeApiException(error);
        }
        return switch (type) {
            case InvalidRequestException.TYPE -> new InvalidRequestException(error);
            case AuthenticationException.TYPE -> new AuthenticationException(error,
                    ClaudeRuntimeConfig.property(clientName, "api-key"));
            case BillingException.TYPE -> new BillingException(error);
            case PermissionException.TYPE -> new PermissionException(error);
            case NotFoundException.TYPE -> new NotFoundException(error, ClaudeRuntimeConfig.property(clientName, "model"),
                    ClaudeRuntimeConfig.property(clientName, "base-url"));
            case ConflictException.TYPE -> new ConflictException(error);
            case RequestTooLargeException.TYPE -> new RequestTooLargeException(error);
            case RateLimitException.TYPE -> new RateLimitException(error);
            case InternalServerException.TYPE -> new InternalServerException(error);
            case ServerTimeoutException.TYPE -> new ServerTimeoutException(error);
            case OverloadedException.TYPE -> new OverloadedException(error);
            default -> new ClaudeApiException(error);
        };
    }

    /** @return the documented status of an error type, or {@code fallback} for a type this version does not know */
    static int statusOf(String type, int fallback) {
        if (type == null) {
            return fallback;
        }
        return switch (type) {
            case InvalidRequestException.TYPE -> InvalidRequestException.STATUS;
            case AuthenticationException.TYPE -> AuthenticationException.STATUS;
            case BillingException.TYPE -> BillingException.STATUS;
            case PermissionException.TYPE -> PermissionException.STATUS;
            case NotFoundException.TYPE -> NotFoundException.STATUS;
            case ConflictException.TYPE -> ConflictException.STATUS;
            case RequestTooLargeException.TYPE -> RequestTooLargeException.STATUS;
            case RateLimitException.TYPE -> RateLimitException.STATUS;
            case InternalServerException.TYPE -> InternalServerException.STATUS;
            case ServerTimeoutException.TYPE -> ServerTimeoutException.STATUS;
            case OverloadedException.TYPE -> OverloadedException.STATUS;
            default -> fallback;
        };
    }

    /** @return the documented error type of a status, or {@code null} for a status without one */
    static String typeOf(int status) {
        return switch (status) {
            case InvalidRequestException.STATUS -> InvalidRequestException.TYPE;
            case AuthenticationException.STATUS -> AuthenticationException.TYPE;
            case BillingException.STATUS -> BillingException.TYPE;
            case PermissionException.STATUS -> PermissionException.TYPE;
            case NotFoundException.STATUS -> NotFoundException.TYPE;
            case ConflictException.STATUS -> ConflictException.TYPE;
            case RequestTooLargeException.STATUS -> RequestTooLargeException.TYPE;
            case RateLimitException.STATUS -> RateLimitException.TYPE;
            case InternalServerException.STATUS -> InternalServerException.TYPE;
            case ServerTimeoutException.STATUS -> ServerTimeoutException.TYPE;
            case OverloadedException.STATUS -> OverloadedException.TYPE;
            default -> null;
        };
    }

    private static JsonNode readJson(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String nonJsonMessage(String body) {
        return body == null || body.isBlank() ? "(empty body)" : "non-JSON body: " + excerpt(body);
    }

    /**
     * @return the start of a body (or of an event's data), runs of whitespace made one space, cut at
     *         {@value #BODY_EXCERPT} characters: what a message quotes of an answer that is not the API's
     */
    public static String excerpt(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= BODY_EXCERPT ? flat : flat.substring(0, BODY_EXCERPT) + "…";
    }
}
