package io.quarkiverse.claude.runtime.config;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.ConfigProvider;

import io.smallrye.config.ConfigMappings;
import io.smallrye.config.SmallRyeConfig;

/**
 * The configuration of each client, by name. A client with at least one property is in the mapped
 * {@link ClaudeRuntimeConfig#clients()}; one with none at all (injected or named, all its settings left to their
 * defaults) is mapped by SmallRye Config on first use, at its own prefix, so that it gets exactly the mapping's defaults
 * and expressions: its key from {@code ANTHROPIC_API_KEY}.
 * <p>
 * Why not {@code @WithDefaults} on the map: SmallRye builds that default value eagerly at every start, a whole client
 * configuration with its groups that most applications never use (bench/README.md, "Startup, issue 19 part 2").
 */
public final class ClientConfigs {

    private final SmallRyeConfig config;
    private final ClaudeRuntimeConfig mapped;
    private final Map<String, ClaudeClientRuntimeConfig> withAllDefaults = new ConcurrentHashMap<>();

    private ClientConfigs(SmallRyeConfig config) {
        this.config = config;
        // with its prefix, so that SmallRye need not read the interface's annotations (loading their classes) to find it
        this.mapped = config.getConfigMapping(ClaudeRuntimeConfig.class, ClaudeRuntimeConfig.PREFIX);
    }

    /**
     * Read from the application's configuration rather than injected: a bean that injects a configuration mapping has
     * its constructor looked up by reflection at every start, for the injection point's metadata.
     */
    public static ClientConfigs current() {
        return new ClientConfigs(ConfigProvider.getConfig().unwrap(SmallRyeConfig.class));
    }

    /** @return the mapped runtime configuration of the extension */
    public ClaudeRuntimeConfig runtime() {
        return mapped;
    }

    /** @return the configuration of the client of that name: its properties, else its documented defaults */
    public ClaudeClientRuntimeConfig of(String name) {
        ClaudeClientRuntimeConfig client = mapped.client(name);
        return client != null ? client : withAllDefaults.computeIfAbsent(name, this::mapWithAllDefaults);
    }

    private ClaudeClientRuntimeConfig mapWithAllDefaults(String name) {
        String prefix = ClaudeRuntimeConfig.prefix(name);
        // One at a time: the registration replaces what the configuration holds for this type, and the mapping is
        // read back at once, before another name's registration can replace it.
        synchronized (ClientConfigs.class) {
            ConfigMappings.registerConfigMappings(config,
                    Set.of(ConfigMappings.ConfigClass.configClass(ClaudeClientRuntimeConfig.class, prefix)));
            return config.getConfigMapping(ClaudeClientRuntimeConfig.class, prefix);
        }
    }
}
