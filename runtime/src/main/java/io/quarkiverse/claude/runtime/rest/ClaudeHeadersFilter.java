package io.quarkiverse.claude.runtime.rest;

import java.util.List;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Puts the headers the API requires on every request of one client: the key, the version, the content type, the
 * betas (one comma-separated header) and a user agent that names this extension.
 */
public final class ClaudeHeadersFilter implements ClientRequestFilter {

    public static final String API_KEY = "x-api-key";
    public static final String VERSION = "anthropic-version";
    public static final String BETA = "anthropic-beta";

    private final String apiKey;
    private final String version;
    private final String betas;
    private final String userAgent;

    public ClaudeHeadersFilter(String apiKey, String version, List<String> betas, String userAgent) {
        this.apiKey = apiKey;
        this.version = version;
        this.betas = betas.isEmpty() ? null : String.join(",", betas);
        this.userAgent = userAgent;
    }

    @Override
    public void filter(ClientRequestContext request) {
        MultivaluedMap<String, Object> headers = request.getHeaders();
        headers.putSingle(API_KEY, apiKey);
        headers.putSingle(VERSION, version);
        headers.putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        headers.putSingle(HttpHeaders.USER_AGENT, userAgent);
        if (betas != null) {
            headers.putSingle(BETA, betas);
        }
    }

    @Override
    public String toString() {
        return "ClaudeHeadersFilter[version=" + version + ", betas=" + betas + ", apiKey=***]";
    }
}
