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
        headers.putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON); // a multipart form sets its own
        headers.putSingle(HttpHeaders.USER_AGENT, userAgent);
        String required = request.getHeaderString(BETA); // a method's own (@ClientHeaderParam), e.g. the Files API's
        if (required == null && FileReferences.in(request.getEntity())) {
            required = io.quarkiverse.claude.Files.BETA;
        }
        String all = merged(betas, required);
        if (all != null) {
            headers.putSingle(BETA, all);
        }
    }

    /** The configured betas and the ones a request needs, in one header, each once. */
    static String merged(String configured, String required) {
        if (required == null || required.isBlank()) {
            return configured;
        }
        if (configured == null) {
            return required;
        }
        java.util.Set<String> each = new java.util.LinkedHashSet<>();
        for (String beta : (configured + "," + required).split(",")) {
            if (!beta.isBlank()) {
                each.add(beta.trim());
            }
        }
        return String.join(",", each);
    }

    @Override
    public String toString() {
        return "ClaudeHeadersFilter[version=" + version + ", betas=" + betas + ", apiKey=***]";
    }
}
