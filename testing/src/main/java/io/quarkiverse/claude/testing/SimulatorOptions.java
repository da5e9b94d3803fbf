package io.quarkiverse.claude.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * How to start a {@link ClaudeSimulator}; a small mutable builder.
 * <p>
 * The simulator takes a copy when it starts, so changing the options afterwards has no effect on a running simulator.
 *
 * <pre>
 * ClaudeSimulator sim = ClaudeSimulator.start(SimulatorOptions.defaults()
 *         .apiKey("sk-test")
 *         .maxBodyBytes(1024));
 * </pre>
 */
public final class SimulatorOptions {

    /** The API's limit for Messages requests: 32 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 32L * 1024 * 1024;

    private int port;
    private String apiKey;
    private List<String> models = ModelCatalog.DEFAULT_IDS;
    private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;

    private SimulatorOptions() {
    }

    /** Random free port, any non-blank key accepted, the default models, 32 MiB body limit. */
    public static SimulatorOptions defaults() {
        return new SimulatorOptions();
    }

    /** The port to listen on (on 127.0.0.1); 0, the default, picks a free one. */
    public SimulatorOptions port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Not a port: " + port);
        }
        this.port = port;
        return this;
    }

    /**
     * Accepts only this key (in {@code x-api-key} or {@code authorization: Bearer}); others get 401. By default, or
     * with null, any non-blank key is accepted.
     */
    public SimulatorOptions apiKey(String requiredKey) {
        if (requiredKey != null && requiredKey.isBlank()) {
            throw new IllegalArgumentException("A required API key must not be blank");
        }
        this.apiKey = requiredKey;
        return this;
    }

    /**
     * The model ids the simulator knows, in the order {@code GET /v1/models} lists them; replaces the default list.
     * Requests for other models get 404 {@code not_found_error}.
     */
    public SimulatorOptions models(Collection<String> ids) {
        Objects.requireNonNull(ids, "ids");
        List<String> copy = new ArrayList<>(ids.size());
        for (String id : ids) {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("Blank model id in " + ids);
            }
            if (!copy.contains(id)) {
                copy.add(id);
            }
        }
        this.models = List.copyOf(copy);
        return this;
    }

    /** The largest request body accepted; larger ones get 413 {@code request_too_large}. Default 32 MiB. */
    public SimulatorOptions maxBodyBytes(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes must be >= 0: " + bytes);
        }
        this.maxBodyBytes = bytes;
        return this;
    }

    int port() {
        return port;
    }

    String apiKey() {
        return apiKey;
    }

    List<String> models() {
        return models;
    }

    long maxBodyBytes() {
        return maxBodyBytes;
    }

    SimulatorOptions copy() {
        SimulatorOptions c = new SimulatorOptions();
        c.port = port;
        c.apiKey = apiKey;
        c.models = models;
        c.maxBodyBytes = maxBodyBytes;
        return c;
    }

    @Override
    public String toString() {
        return "SimulatorOptions[port=" + port + ", apiKey=" + (apiKey == null ? "any" : "set") + ", models=" + models
                + ", maxBodyBytes=" + maxBodyBytes + "]";
    }
}
