package io.quarkiverse.claude.runtime.rest;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import io.quarkiverse.claude.errors.ClaudeException;
import io.quarkiverse.claude.errors.UnexpectedResponseException;
import io.quarkiverse.claude.runtime.config.ClaudeRuntimeConfig;
import io.quarkiverse.claude.runtime.errors.ApiErrors;
import io.quarkiverse.claude.runtime.errors.ResponseHeaders;

/**
 * Turns every error answer (status 400 and above) into the typed exception of its error class, and every redirect
 * (3xx, which the client never follows) into an {@link UnexpectedResponseException} that names where it pointed.
 */
public final class ClaudeErrorMapper implements ResponseExceptionMapper<ClaudeException> {

    private final String clientName;
    private final String baseUrlProperty;

    /** @param clientName the client whose answers these are, whose properties the messages name */
    public ClaudeErrorMapper(String clientName) {
        this.clientName = clientName;
        this.baseUrlProperty = ClaudeRuntimeConfig.property(clientName, "base-url");
    }

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 300;
    }

    @Override
    public ClaudeException toThrowable(Response response) {
        int status = response.getStatus();
        if (status < 400) {
            String location = response.getHeaderString("location");
            return new UnexpectedResponseException(UnexpectedResponseException.Reason.REDIRECT, status,
                    response.getHeaderString("content-type"), response.getHeaderString(ResponseHeaders.REQUEST_ID),
                    "", false, "the answer is a redirect to " + (location == null ? "(no location)" : location)
                            + ", which the client does not follow, so that the API key never goes to another address. "
                            + "Set " + baseUrlProperty + " to the address that answers itself (an http:// URL "
                            + "redirected to https:// is the usual case).");
        }
        return ApiErrors.toException(ApiErrors.parse(status, response::getHeaderString, readBody(response)), clientName);
    }

    private static String readBody(Response response) {
        try {
            return response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (RuntimeException unreadable) {
            return "";
        }
    }
}
