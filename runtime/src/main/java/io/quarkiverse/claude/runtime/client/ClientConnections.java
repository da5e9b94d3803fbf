package io.quarkiverse.claude.runtime.client;

import java.util.Collection;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.resteasy.reactive.client.api.QuarkusRestClientProperties;

import io.quarkiverse.claude.runtime.config.ClaudeClientRuntimeConfig;
import io.quarkiverse.claude.runtime.config.ClaudeRuntimeConfig;
import io.quarkus.proxy.ProxyConfiguration;
import io.quarkus.proxy.ProxyConfigurationRegistry;
import io.quarkus.proxy.runtime.config.ProxyConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.quarkus.tls.runtime.config.TlsConfig;
import io.smallrye.config.SmallRyeConfig;

/**
 * How a client reaches the API: the TLS and proxy configurations it names in the Quarkus registries
 * ({@code quarkus.tls."name".*}, {@code quarkus.proxy."name".*}), and its connection pool, HTTP/2 and keep-alive, all
 * handed to the REST Client as its own options.
 */
final class ClientConnections {

    private final TlsConfigurationRegistry tlsConfigurations;
    private final ProxyConfigurationRegistry proxyConfigurations;

    ClientConnections(TlsConfigurationRegistry tlsConfigurations, ProxyConfigurationRegistry proxyConfigurations) {
        this.tlsConfigurations = tlsConfigurations;
        this.proxyConfigurations = proxyConfigurations;
    }

    /**
     * @throws ConfigurationException when the client names a TLS or proxy configuration that does not exist, or sets a
     *         connection pool smaller than one connection
     */
    void check(String name, ClaudeClientRuntimeConfig config) {
        tls(name, config);
        proxy(name, config);
        poolSize(name, config);
    }

    /** Sets the client's connection options on its builder; fails as {@link #check} does. */
    void applyTo(QuarkusRestClientBuilder builder, String name, ClaudeClientRuntimeConfig config) {
        tls(name, config).ifPresent(builder::tlsConfiguration);
        proxy(name, config).ifPresent(proxy -> {
            // "none" (ProxyConfigurationRegistry.NONE) comes back as host "none", port 0: the builder's own "no proxy"
            builder.proxyAddress(proxy.host(), proxy.port());
            proxy.username().ifPresent(builder::proxyUser);
            proxy.password().ifPresent(builder::proxyPassword);
            // the REST Client splits this on '|' (a ',' would make one host of the whole list)
            proxy.nonProxyHosts().filter(hosts -> !hosts.isEmpty())
                    .ifPresent(hosts -> builder.nonProxyHosts(String.join("|", hosts)));
            proxy.proxyConnectTimeout().ifPresent(builder::proxyConnectTimeout);
            builder.proxyType(proxy.type());
        });
        poolSize(name, config)
                .ifPresent(size -> builder.property(QuarkusRestClientProperties.CONNECTION_POOL_SIZE, size));
        config.http2().ifPresent(http2 -> builder.property(QuarkusRestClientProperties.HTTP2, http2));
        builder.property(QuarkusRestClientProperties.KEEP_ALIVE_ENABLED, config.keepAliveEnabled());
    }

    private Optional<TlsConfiguration> tls(String name, ClaudeClientRuntimeConfig config) {
        if (config.tlsConfigurationName().isEmpty()) {
            return Optional.empty();
        }
        String tlsName = config.tlsConfigurationName().get();
        Optional<TlsConfiguration> tls = tlsConfigurations.get(tlsName);
        if (tls.isEmpty()) {
            throw new ConfigurationException(ClaudeRuntimeConfig.property(name, "tls-configuration-name") + "="
                    + tlsName + " names no TLS configuration: " + existing("TLS", configuredTlsNames())
                    + ". Configure it under quarkus.tls.\"" + tlsName + "\".*, or fix the name.");
        }
        return tls;
    }

    private Optional<ProxyConfiguration> proxy(String name, ClaudeClientRuntimeConfig config) {
        if (config.proxyConfigurationName().isEmpty()) {
            // the builder applies the application's default proxy settings itself
            return Optional.empty();
        }
        String proxyName = config.proxyConfigurationName().get();
        try {
            return proxyConfigurations.get(Optional.of(proxyName));
        } catch (IllegalStateException unknown) {
            throw new ConfigurationException(ClaudeRuntimeConfig.property(name, "proxy-configuration-name") + "="
                    + proxyName + " names no proxy configuration: " + existing("proxy", configuredProxyNames())
                    + ". Configure it with quarkus.proxy.\"" + proxyName + "\".host, use "
                    + ProxyConfigurationRegistry.NONE + " for no proxy, or fix the name.");
        }
    }

    /** The configured size, else one connection for every attempt the bulkhead lets through, else the REST Client's. */
    private static OptionalInt poolSize(String name, ClaudeClientRuntimeConfig config) {
        if (config.connectionPoolSize().isPresent()) {
            int size = config.connectionPoolSize().getAsInt();
            if (size < 1) {
                throw new ConfigurationException(ClaudeRuntimeConfig.property(name, "connection-pool-size") + "=" + size
                        + " leaves no connection: set at least 1, or leave it unset to size the pool to the bulkhead");
            }
            return OptionalInt.of(size);
        }
        if (config.resilience().bulkhead().enabled()) {
            // a connection for every attempt the bulkhead lets through, so that none waits for the pool instead
            return OptionalInt.of(config.resilience().bulkhead().maxConcurrent());
        }
        return OptionalInt.empty();
    }

    private static String existing(String kind, Collection<String> names) {
        return names.isEmpty() ? "there is no named " + kind + " configuration"
                : "the named " + kind + " configurations are " + String.join(", ", names);
    }

    // Only for the message: the registries list no names, their configuration does.
    private static Collection<String> configuredTlsNames() {
        return new TreeSet<>(config().getConfigMapping(TlsConfig.class).namedCertificateConfig().keySet());
    }

    private static Collection<String> configuredProxyNames() {
        TreeSet<String> names = new TreeSet<>();
        config().getConfigMapping(ProxyConfig.class).namedProxyConfigs()
                .forEach((proxyName, proxy) -> proxy.host().ifPresent(host -> names.add(proxyName)));
        return names;
    }

    private static SmallRyeConfig config() {
        return ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
    }
}
