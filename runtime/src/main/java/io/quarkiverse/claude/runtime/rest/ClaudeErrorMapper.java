package io.quarkiverse.claude.runtime.rest;

import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import io.quarkiverse.claude.errors.ClaudeApiException;
import io.quarkiverse.claude.runtime.errors.ApiErrors;

/** Turns every error answer (status 400 and above) into the typed exception of its error class. */
public final class ClaudeErrorMapper implements ResponseExceptionMapper<ClaudeApiException> {

    @Override
    public ClaudeApiException toThrowable(Response response) {
        String body = readBody(response);
        return ApiErrors.toException(ApiErrors.parse(response.getStatus(), response::getHeaderString, body));
    }

    private static String readBody(Response response) {
        try {
            return response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (RuntimeException unreadable) {
            return "";
        }
    }
}
