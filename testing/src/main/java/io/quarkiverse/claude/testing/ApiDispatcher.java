package io.quarkiverse.claude.testing;

import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/**
 * The simulated API's regular answer to a request: checks size, auth, {@code anthropic-version} and JSON in the API's
 * order, then routes to the endpoint. Every rejection is an error answer in the API's format.
 */
final class ApiDispatcher {

    static final Set<String> VERSIONS = Set.of("2023-06-01", "2023-01-01", "2026-10-21");

    private static final String MESSAGES = "/v1/messages";
    private static final String COUNT_TOKENS = "/v1/messages/count_tokens";

    private final String requiredKey;
    private final MessagesEndpoint messages;
    private final ModelsEndpoint models;
    private final BatchesEndpoint batches;
    private final FilesEndpoint files;

    ApiDispatcher(String requiredKey, MessagesEndpoint messages, ModelsEndpoint models, BatchesEndpoint batches,
            FilesEndpoint files) {
        this.files = files;
        this.requiredKey = requiredKey;
        this.messages = messages;
        this.models = models;
        this.batches = batches;
    }

    /**
     * @param tooLarge whether the body was over the size limit
     * @param extraFields whether success answers get unknown fields ({@link Fault#withExtraFields()})
     */
    void answer(HttpServerRequest request, Exchange ex, boolean tooLarge, boolean extraFields) {
        answer(request, ex, tooLarge, extraFields, null);
    }

    /** @param upload what a {@code POST /v1/files} brought, or {@code null} */
    void answer(HttpServerRequest request, Exchange ex, boolean tooLarge, boolean extraFields,
            FilesEndpoint.Received upload) {
        try {
            route(request, ex, tooLarge, extraFields, upload);
        } catch (ApiException e) {
            if (upload != null && upload.content() != null) {
                files.discard(upload);
            }
            ex.error(e.status(), e.type(), e.getMessage(), null);
        }
    }

    private void route(HttpServerRequest request, Exchange ex, boolean tooLarge, boolean extraFields,
            FilesEndpoint.Received upload) {
        String path = request.path();
        if (!path.startsWith("/v1/")) {
            throw notFound();
        }
        if (tooLarge) {
            throw new ApiException(413, ErrorTypes.REQUEST_TOO_LARGE,
                    "Request exceeds the maximum allowed number of bytes.");
        }
        checkKey(ex.request());
        String version = checkVersion(ex.request());
        HttpMethod method = request.method();
        if (method == HttpMethod.POST && path.equals(MESSAGES)) {
            messages.create(ex, parse(ex.request()), version, extraFields);
        } else if (method == HttpMethod.POST && path.equals(COUNT_TOKENS)) {
            messages.countTokens(ex, parse(ex.request()), extraFields);
        } else if (path.equals(BatchesEndpoint.PATH) || path.startsWith(BatchesEndpoint.PATH + "/")) {
            routeBatches(request, ex, version, extraFields);
        } else if (path.equals(FilesEndpoint.PATH) || path.startsWith(FilesEndpoint.PATH + "/")) {
            routeFiles(request, ex, upload);
        } else if (method == HttpMethod.GET && path.equals(ModelsEndpoint.PATH)) {
            models.list(ex, request.params(), extraFields);
        } else if (method == HttpMethod.GET && path.startsWith(ModelsEndpoint.PATH + "/")
                && path.length() > ModelsEndpoint.PATH.length() + 1) {
            models.get(ex, path.substring(ModelsEndpoint.PATH.length() + 1), extraFields);
        } else {
            throw notFound();
        }
    }

    /** {@code /v1/messages/batches[/{id}[/cancel|/results]]}. */
    private void routeBatches(HttpServerRequest request, Exchange ex, String version, boolean extraFields) {
        HttpMethod method = request.method();
        String rest = request.path().substring(BatchesEndpoint.PATH.length());
        if (rest.isEmpty()) {
            if (method == HttpMethod.POST) {
                batches.create(ex, parse(ex.request()), version, extraFields);
                return;
            }
            if (method == HttpMethod.GET) {
                batches.list(ex, request.params(), extraFields);
                return;
            }
            throw notFound();
        }
        String[] parts = rest.substring(1).split("/", -1);
        String id = parts[0];
        if (id.isEmpty() || parts.length > 2) {
            throw notFound();
        }
        if (parts.length == 1 && method == HttpMethod.GET) {
            batches.get(ex, id, extraFields);
        } else if (parts.length == 1 && method == HttpMethod.DELETE) {
            batches.delete(ex, id);
        } else if (parts.length == 2 && parts[1].equals("cancel") && method == HttpMethod.POST) {
            batches.cancel(ex, id, extraFields);
        } else if (parts.length == 2 && parts[1].equals("results") && method == HttpMethod.GET) {
            batches.results(ex, id);
        } else {
            throw notFound();
        }
    }

    /** {@code /v1/files[/{id}[/content]]}. */
    private void routeFiles(HttpServerRequest request, Exchange ex, FilesEndpoint.Received upload) {
        HttpMethod method = request.method();
        String rest = request.path().substring(FilesEndpoint.PATH.length());
        if (rest.isEmpty()) {
            if (method == HttpMethod.POST) {
                files.create(ex, upload);
            } else if (method == HttpMethod.GET) {
                files.list(ex, request.params());
            } else {
                throw notFound();
            }
            return;
        }
        String[] parts = rest.substring(1).split("/", -1);
        if (parts[0].isEmpty() || parts.length > 2) {
            throw notFound();
        }
        if (parts.length == 1 && method == HttpMethod.GET) {
            files.get(ex, parts[0]);
        } else if (parts.length == 1 && method == HttpMethod.DELETE) {
            files.delete(ex, parts[0]);
        } else if (parts.length == 2 && parts[1].equals("content") && method == HttpMethod.GET) {
            files.content(ex, parts[0]);
        } else {
            throw notFound();
        }
    }

    private void checkKey(RecordedRequest r) {
        String key = r.header("x-api-key");
        if (key == null || key.isBlank()) {
            String authorization = r.header("authorization");
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                key = authorization.substring(7).trim();
            }
        }
        if (key == null || key.isBlank()) {
            throw new ApiException(401, ErrorTypes.AUTHENTICATION, "x-api-key header is required");
        }
        if (requiredKey != null && !requiredKey.equals(key.trim())) {
            throw new ApiException(401, ErrorTypes.AUTHENTICATION, "invalid x-api-key");
        }
    }

    private static String checkVersion(RecordedRequest r) {
        String version = r.header("anthropic-version");
        if (version == null || version.isBlank()) {
            throw ApiException.invalid("anthropic-version: header is required");
        }
        if (!VERSIONS.contains(version.trim())) {
            throw ApiException.invalid("anthropic-version: \"" + version + "\" is not a valid version");
        }
        return version.trim();
    }

    private static JsonNode parse(RecordedRequest r) {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(r.body());
        } catch (JsonProcessingException e) {
            throw ApiException.invalid("There was an error parsing the body of your request: " + e.getOriginalMessage());
        }
        if (body == null || !body.isObject()) {
            throw ApiException.invalid("The request body must be a JSON object");
        }
        return body;
    }

    private static ApiException notFound() {
        return ApiException.notFound("Not Found");
    }
}
