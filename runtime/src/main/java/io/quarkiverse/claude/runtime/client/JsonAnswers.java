package io.quarkiverse.claude.runtime.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;

import io.quarkiverse.claude.errors.UnexpectedResponseException.Reason;
import io.quarkiverse.claude.errors.UnexpectedResponseException;
import io.quarkiverse.claude.runtime.config.ClaudeRuntimeConfig;
import io.quarkiverse.claude.runtime.errors.ApiErrors;
import io.quarkiverse.claude.runtime.errors.ResponseHeaders;
import io.quarkiverse.claude.runtime.json.WireJson;
import io.smallrye.mutiny.Uni;

/**
 * Reads the JSON answer of one call (its size already bounded by {@link AnswerSizeLimit}) into the endpoint's type. A
 * body that is not the endpoint's JSON fails with {@link UnexpectedResponseException}, naming the status, content type
 * and request id; a 200 whose body is the API's error body fails with the typed exception of its {@code error.type}.
 */
final class JsonAnswers {

    /** Bytes decoded for an excerpt: enough for its characters even when each takes several bytes. */
    private static final int TEXT_FOR_EXCERPT = 800;

    private final String clientName;
    private final long maxBytes;
    private final String maxBytesProperty;
    private final String baseUrlProperty;

    /**
     * @param clientName the client whose answers these are, whose properties the messages name
     * @param maxBytes the largest answer read
     */
    JsonAnswers(String clientName, long maxBytes) {
        this.clientName = clientName;
        this.maxBytes = maxBytes;
        this.maxBytesProperty = ClaudeRuntimeConfig.property(clientName, "max-response-size");
        this.baseUrlProperty = ClaudeRuntimeConfig.property(clientName, "base-url");
    }

    String clientName() {
        return clientName;
    }

    long maxBytes() {
        return maxBytes;
    }

    String maxBytesProperty() {
        return maxBytesProperty;
    }

    <T> Uni<T> read(Uni<RestResponse<byte[]>> answer, AnswerType<T> type) {
        return answer.map(response -> decode(response, type));
    }

    private <T> T decode(RestResponse<byte[]> response, AnswerType<T> type) {
        byte[] body = response.getEntity();
        if (body == null || isBlank(body)) {
            throw failure(Reason.EMPTY, response, "", "the body is empty where " + type.shape() + " was expected.");
        }
        T value;
        try {
            value = type.read(body, body.length);
        } catch (JsonParseException notJson) {
            throw notJson(response, body, type, notJson);
        } catch (IOException otherShape) {
            // data binding reports a body cut in the middle as a mapping problem: tell it from JSON of another shape
            JsonParseException notJson = syntaxError(body);
            if (notJson != null) {
                throw notJson(response, body, type, notJson);
            }
            value = null;
        }
        if (value == null) {
            String whole = new String(body, StandardCharsets.UTF_8);
            if (ApiErrors.isErrorBody(whole)) {
                throw ApiErrors.toException(ApiErrors.parseInSuccess(response::getHeaderString, whole), clientName);
            }
            throw failure(Reason.WRONG_SHAPE, response, text(body), "the body is JSON but not " + type.shape()
                    + ". A proxy, a gateway or a wrong " + baseUrlProperty + " may have answered in place of the API.");
        }
        return value;
    }

    private UnexpectedResponseException notJson(RestResponse<byte[]> response, byte[] body, AnswerType<?> type,
            JsonParseException notJson) {
        return failure(Reason.NOT_JSON, response, text(body), "the body is not JSON (" + notJson.getOriginalMessage()
                + ") where " + type.shape() + " was expected. A proxy, a gateway or a wrong " + baseUrlProperty
                + " may have answered in place of the API.");
    }

    /** @return the body's JSON syntax error (a cut body included), or {@code null} when it is well-formed JSON */
    private static JsonParseException syntaxError(byte[] body) {
        try (JsonParser parser = WireJson.MAPPER.getFactory().createParser(body)) {
            while (parser.nextToken() != null) {
                parser.skipChildren();
            }
            return null;
        } catch (JsonParseException notJson) {
            return notJson;
        } catch (IOException unreadable) {
            return null;
        }
    }

    private static UnexpectedResponseException failure(Reason reason, RestResponse<byte[]> response, String text,
            String detail) {
        return new UnexpectedResponseException(reason, response.getStatus(), response.getHeaderString("content-type"),
                response.getHeaderString(ResponseHeaders.REQUEST_ID), ApiErrors.excerpt(text), false, detail);
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    /** The start of a body, enough for an excerpt. */
    private static String text(byte[] body) {
        return new String(body, 0, Math.min(body.length, TEXT_FOR_EXCERPT), StandardCharsets.UTF_8);
    }

}
