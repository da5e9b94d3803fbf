package io.quarkiverse.claude.runtime;

import java.util.List;
import java.util.function.Supplier;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.runtime.rest.ClaudeRestApi;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.annotations.Recorder;

/** Wires the clients found at build time to their runtime configuration. */
@Recorder
public class ClaudeRecorder {

    public Supplier<ClaudeClient> client(String name) {
        return () -> registry().client(name);
    }

    public Supplier<ClaudeRestApi> restApi(String name) {
        return () -> registry().rest(name);
    }

    /** Fails startup, before the first request, when an injected client has no API key. */
    public void checkConfigured(List<String> names) {
        ClaudeClientRegistry registry = registry();
        names.forEach(registry::checkConfigured);
    }

    private static ClaudeClientRegistry registry() {
        return Arc.container().instance(ClaudeClientRegistry.class).get();
    }
}
