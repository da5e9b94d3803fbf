package io.quarkiverse.claude.deployment;

import java.util.Set;
import java.util.TreeSet;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.GeneratedBeanBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Shared limits on Redis ({@code quarkus.claude[."name"].shared-limits.enabled}): the Redis-backed bean is registered
 * whenever the application has {@code quarkus-redis-client}, since {@code enabled} is runtime configuration (a profile
 * or an environment variable may set it where the application runs); it is created only for a client that enables
 * them. Enabling them in the build's configuration without the Redis client fails the build with the dependency to
 * add. Without the Redis client nothing of Redis is registered or loaded (the class is named as a string).
 */
class SharedLimitsProcessor {

    static final String REDIS_SHARED_LIMITS = "io.quarkiverse.claude.runtime.shared.RedisSharedLimits";
    static final String SCRIPT = "META-INF/quarkus-claude/shared-limits.lua";
    static final String PREFIX = "quarkus.claude.";
    static final String ENABLED = "shared-limits.enabled";
    static final String REDIS_CLIENT_NAME = "shared-limits.redis-client-name";

    @BuildStep
    void sharedLimits(Capabilities capabilities, BuildProducer<AdditionalBeanBuildItem> beans,
            BuildProducer<GeneratedBeanBuildItem> generatedBeans, BuildProducer<NativeImageResourceBuildItem> resources) {
        if (!capabilities.isPresent(Capability.REDIS_CLIENT)) {
            Set<String> enabled = enabledProperties(ConfigProvider.getConfig());
            if (enabled.isEmpty()) {
                return;
            }
            throw new ConfigurationException(String.join(", ", enabled) + " = true, but the application does not have "
                    + "the Quarkus Redis client, which holds the limits shared by the replicas: add the dependency "
                    + "io.quarkus:quarkus-redis-client (and set quarkus.redis.hosts), or remove the property.",
                    enabled);
        }
        beans.produce(AdditionalBeanBuildItem.unremovableOf(REDIS_SHARED_LIMITS));
        SharedLimitsRedisClients.generate(redisClientNames(ConfigProvider.getConfig()), generatedBeans);
        resources.produce(new NativeImageResourceBuildItem(SCRIPT));
    }

    /** @return the {@code shared-limits.enabled} properties that are true for the profile being built */
    static Set<String> enabledProperties(Config config) {
        Set<String> enabled = new TreeSet<>();
        for (String name : clientProperties(config, ENABLED)) {
            try {
                if (config.getOptionalValue(name, Boolean.class).orElse(false)) {
                    enabled.add(name);
                }
            } catch (RuntimeException unresolvable) {
                // an expression only the running application can resolve: the runtime check names it then
            }
        }
        return enabled;
    }

    /** @return the named Redis clients that {@code shared-limits.redis-client-name} properties name in the build */
    static Set<String> redisClientNames(Config config) {
        Set<String> names = new TreeSet<>();
        for (String name : clientProperties(config, REDIS_CLIENT_NAME)) {
            try {
                config.getOptionalValue(name, String.class).map(String::trim).filter(v -> !v.isEmpty())
                        .ifPresent(names::add);
            } catch (RuntimeException unresolvable) {
                // an expression only the running application can resolve: the runtime lookup names it then
            }
        }
        return names;
    }

    /**
     * @return the names, without a profile, of the {@code quarkus.claude[."client"].<key>} properties set in the
     *         build's configuration (whose values are then read for the profile being built)
     */
    private static Set<String> clientProperties(Config config, String key) {
        Set<String> names = new TreeSet<>();
        for (String property : config.getPropertyNames()) {
            String name = property.startsWith("%") && property.indexOf('.') > 0
                    ? property.substring(property.indexOf('.') + 1)
                    : property;
            if (name.startsWith(PREFIX) && name.endsWith(key)
                    && (name.length() == PREFIX.length() + key.length()
                            || name.charAt(name.length() - key.length() - 1) == '.')) {
                names.add(name);
            }
        }
        return names;
    }
}
