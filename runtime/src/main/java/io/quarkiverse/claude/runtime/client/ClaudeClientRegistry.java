package io.quarkiverse.claude.runtime.client;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.ClaudeClients;
import io.quarkiverse.claude.runtime.call.ClaudeCalls;
import io.quarkiverse.claude.runtime.call.ResilienceSettingsCheck;
import io.quarkiverse.claude.runtime.config.ClaudeClientRuntimeConfig;
import io.quarkiverse.claude.runtime.config.ClaudeRuntimeConfig;
import io.quarkiverse.claude.runtime.config.ClientConfigs;
import io.quarkiverse.claude.runtime.errors.TransportErrors;
import io.quarkiverse.claude.runtime.observability.CallEvents;
import io.quarkiverse.claude.runtime.rest.ClaudeRestApi;
import io.quarkiverse.claude.runtime.rest.TypedRestApi;
import io.quarkiverse.claude.runtime.shared.SharedLimits;
import io.quarkus.proxy.ProxyConfigurationRegistry;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.vertx.core.Vertx;

/** Creates each configured client once, on first use, and hands out the same instance afterwards. */
@Singleton
public class ClaudeClientRegistry implements ClaudeClients {

    private final ClientConfigs configs;
    private final BeanManager beans;
    /** Built with the first client: the startup check needs no call events, so it does not build them. */
    private volatile CallEvents events;
    private final ClientConnections connections;
    /** Resolvable only when the build included shared limits (Redis, and a client that enables them). */
    private final Instance<SharedLimits> sharedLimits;
    /** The application's Vert.x, which the REST Clients run on. */
    private final Vertx vertx;
    private final Map<String, ClaudeClientImpl> clients = new ConcurrentHashMap<>();
    private final Map<String, ClaudeCalls> annotationPolicies = new ConcurrentHashMap<>();
    private final Map<String, ClaudeRestApi> restApis = new ConcurrentHashMap<>();
    /** The clients whose base URL was checked, so that each warns of clear text once. */
    private final Set<String> baseUrlsChecked = ConcurrentHashMap.newKeySet();

    // The configuration is read, not injected: see ClientConfigs#current.
    public ClaudeClientRegistry(BeanManager beans, TlsConfigurationRegistry tlsConfigurations,
            ProxyConfigurationRegistry proxyConfigurations, Instance<SharedLimits> sharedLimits, Vertx vertx) {
        this.configs = ClientConfigs.current();
        this.beans = beans;
        this.vertx = vertx;
        this.sharedLimits = sharedLimits;
        this.connections = new ClientConnections(tlsConfigurations, proxyConfigurations);
    }

    @Override
    public ClaudeClient defaultClient() {
        return client(ClaudeRuntimeConfig.DEFAULT_CLIENT_NAME);
    }

    @Override
    public ClaudeClient named(String name) {
        return client(name);
    }

    public ClaudeClientImpl client(String name) {
        return clients.computeIfAbsent(name, n -> {
            // a client the application does not inject (ClaudeClients#named) is checked here, on first use
            checkBaseUrl(n, configOf(n));
            return ClaudeClientFactory.create(n, configOf(n), connections, callEvents().observerFor(n), sharedLimits(),
                    vertx);
        });
    }

    /**
     * The policy of {@link io.quarkiverse.claude.ClaudeResilience @ClaudeResilience(name)}: the client's settings, with
     * a guard (bulkhead, circuit breaker) of its own.
     */
    public ClaudeCalls annotationCalls(String name) {
        // No throttling here: the calls the method makes go through a client, which throttles them itself.
        return annotationPolicies.computeIfAbsent(name, n -> ClaudeClientFactory.annotationCalls(n, configOf(n)));
    }

    /** @return the client of that name if it was created already, else {@code null} (never creates one) */
    public ClaudeClientImpl existing(String name) {
        return clients.get(name);
    }

    /** @return the clients created so far, by name (a client is created on first use) */
    public Map<String, ClaudeClientImpl> clientsInUse() {
        return Map.copyOf(clients);
    }

    /** @return the policies of {@code @ClaudeResilience} methods created so far, by client name */
    public Map<String, ClaudeCalls> annotationPoliciesInUse() {
        return Map.copyOf(annotationPolicies);
    }

    /** @return the raw REST interface of a client, as the application injects it: transport failures typed */
    public ClaudeRestApi rest(String name) {
        return restApis.computeIfAbsent(name, n -> TypedRestApi.of(client(n).rest(),
                new TransportErrors(n, configOf(n).baseUrl(), configOf(n).readTimeout())));
    }

    /**
     * @throws io.quarkus.runtime.configuration.ConfigurationException when the client has no API key, an unusable
     *         base URL (or one in clear text with {@code tls-required}), a resilience setting out of range, a TLS or
     *         proxy configuration name that matches none, or a connection pool of no connection, or, with
     *         {@code verify-on-startup}, when the API refuses the key or the model
     */
    public void checkConfigured(String name) {
        ClaudeClientRuntimeConfig client = configOf(name);
        StartupChecks.checkKeyShape(name, ApiKeys.require(name, client));
        checkBaseUrl(name, client);
        ResilienceSettingsCheck.validate(ClaudeRuntimeConfig.property(name, "resilience"), client.resilience());
        connections.check(name, client);
        if (client.sharedLimits().enabled()) {
            SharedLimitsCheck.require(name, sharedLimits());
            // created now, not on first use: a key prefix or Redis client that cannot work fails startup, and the
            // connection to Redis is made before the first attempt needs it
            client(name);
        }
        if (client.verifyOnStartup()) {
            StartupVerification.verify(name, client, client(name));
        }
    }

    private CallEvents callEvents() {
        CallEvents built = events;
        if (built == null) {
            synchronized (this) {
                built = events;
                if (built == null) {
                    built = new CallEvents(beans, configs.runtime().prices());
                    events = built;
                }
            }
        }
        return built;
    }

    private SharedLimits sharedLimits() {
        return sharedLimits.isResolvable() ? sharedLimits.get() : null;
    }

    /** @throws io.quarkus.runtime.configuration.ConfigurationException for an unusable or refused base URL */
    private void checkBaseUrl(String name, ClaudeClientRuntimeConfig client) {
        URI baseUri = BaseUrl.of(name, client);
        if (baseUrlsChecked.add(name)) {
            StartupChecks.checkClearText(name, client, baseUri);
        }
    }

    private ClaudeClientRuntimeConfig configOf(String name) {
        return configs.of(name);
    }
}
