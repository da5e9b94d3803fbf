package io.quarkiverse.claude.runtime;

import java.util.List;
import java.util.function.Function;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.runtime.client.ClaudeClientRegistry;
import io.quarkiverse.claude.runtime.rest.ClaudeRestApi;
import io.quarkus.arc.SyntheticCreationalContext;
import io.quarkus.arc.runtime.BeanContainer;
import io.quarkus.runtime.annotations.Recorder;

/**
 * Wires the clients found at build time to the registry that builds them from their runtime configuration. The
 * synthetic beans get the registry through an injection point; the startup check through the bean container.
 */
@Recorder
public class ClaudeRecorder {

    public Function<SyntheticCreationalContext<ClaudeClient>, ClaudeClient> client(String name) {
        return new ClientCreator(name);
    }

    public Function<SyntheticCreationalContext<ClaudeRestApi>, ClaudeRestApi> restApi(String name) {
        return new RestApiCreator(name);
    }

    /** Fails startup, before the first request, when an injected client has no API key. */
    public void checkConfigured(BeanContainer beans, List<String> names) {
        ClaudeClientRegistry registry = beans.beanInstance(ClaudeClientRegistry.class);
        for (String name : names) {
            registry.checkConfigured(name);
        }
    }

    // Named classes rather than lambdas: a lambda is spun into a class of its own at startup (LambdaMetafactory), a
    // named class is only loaded.

    private record ClientCreator(String name) implements Function<SyntheticCreationalContext<ClaudeClient>, ClaudeClient> {
        @Override
        public ClaudeClient apply(SyntheticCreationalContext<ClaudeClient> context) {
            return context.getInjectedReference(ClaudeClientRegistry.class).client(name);
        }
    }

    private record RestApiCreator(String name)
            implements Function<SyntheticCreationalContext<ClaudeRestApi>, ClaudeRestApi> {
        @Override
        public ClaudeRestApi apply(SyntheticCreationalContext<ClaudeRestApi> context) {
            return context.getInjectedReference(ClaudeClientRegistry.class).rest(name);
        }
    }
}
