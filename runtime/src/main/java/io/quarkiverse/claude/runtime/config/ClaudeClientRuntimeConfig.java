package io.quarkiverse.claude.runtime.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import io.quarkus.runtime.annotations.ConfigGroup;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

/**
 * The configuration of one Claude client.
 */
@ConfigGroup
public interface ClaudeClientRuntimeConfig {

    /**
     * The API key, sent as the `x-api-key` header. Keep it out of the packaged application: set it with an
     * expression such as `quarkus.claude.api-key=${ANTHROPIC_API_KEY}` or in the environment. When unset, the
     * `ANTHROPIC_API_KEY` environment variable is used.
     */
    @WithDefault("${ANTHROPIC_API_KEY:}")
    @WithConverter(Trimmed.class)
    Optional<String> apiKey();

    /**
     * The base URL of the API. Change it for a proxy, a gateway or a simulator; the client appends `/v1/...`.
     */
    @WithDefault("https://api.anthropic.com")
    @WithConverter(Trimmed.class)
    String baseUrl();

    /**
     * Refuse to send the API key in clear text: a `base-url` with plain `http://` to a host other than this machine then
     * fails startup, instead of the warning it gets otherwise. `http://` to `localhost`, `127.x.x.x` or `::1` (a
     * simulator, Dev Services, a local proxy) stays allowed.
     */
    @WithDefault("false")
    boolean tlsRequired();

    /**
     * The `anthropic-version` header: the version of the API the client speaks.
     */
    @WithDefault("2023-06-01")
    @WithConverter(Trimmed.class)
    String anthropicVersion();

    /**
     * The model used when a request names none, for example `claude-sonnet-4-6`.
     */
    @WithConverter(Trimmed.class)
    Optional<String> model();

    /**
     * The `max_tokens` used when a request sets none.
     */
    @WithDefault("1024")
    int maxTokens();

    /**
     * Beta features to enable, sent together in one comma-separated `anthropic-beta` header.
     */
    Optional<List<@WithConverter(Trimmed.class) String>> betas();

    /**
     * How long to wait for a TCP connection to the API.
     */
    @WithDefault("10s")
    Duration connectTimeout();

    /**
     * How long to wait for the answer of one request. Long generations take minutes, so the default is far above
     * the REST Client's 30 seconds; the API advises streaming for anything that may run past ten minutes.
     */
    @WithDefault("10m")
    Duration readTimeout();

    /**
     * The largest answer the client reads. An answer that grows past it fails with an `UnexpectedResponseException`
     * (`TOO_LARGE`) as soon as it does, and its connection is closed, so it never sits in memory; one that announces a
     * larger `content-length` is not read at all. The largest legitimate answer is a message at the largest
     * `max_tokens` (128,000 output tokens: about 3 MB even when every character is JSON-escaped), plus server-tool
     * results such as web search's encrypted page content; 16 MB leaves room for those several times over, while a
     * runaway or hostile body (a proxy's endless page) is stopped long before it costs memory. Applies to each answer of
     * a JSON endpoint and to each line of a batch's results.
     */
    @WithDefault("16M")
    MemorySize maxResponseSize();

    /**
     * Log each request (method, URL, headers and body) at INFO. The `x-api-key` and `authorization` headers are
     * masked. Bodies hold prompts: enable with care in production.
     */
    @WithDefault("false")
    boolean logRequests();

    /**
     * Log each response (status, headers and body) at INFO.
     */
    @WithDefault("false")
    boolean logResponses();

    /**
     * The number of body characters logged by `log-requests` and `log-responses`; the rest is cut.
     */
    @WithDefault("2000")
    int logBodyLimit();

    /**
     * Retries per error class, deadline, per-attempt timeout, bulkhead and circuit breaker. See the Resilience page.
     */
    ResilienceConfig resilience();

    /**
     * One pause, one rate budget and one circuit for every replica, kept in Redis. See the Several replicas page.
     */
    SharedLimitsConfig sharedLimits();

    /**
     * The `temperature` used when a request sets none of `temperature`, `top_p` and `top_k`. The API rejects it with
     * `anthropic-version` 2026-10-21, so the build fails when both are configured.
     */
    Optional<Double> temperature();

    /**
     * The `top_p` used when a request sets none of `temperature`, `top_p` and `top_k`. The API rejects it with
     * `anthropic-version` 2026-10-21, so the build fails when both are configured.
     */
    Optional<Double> topP();

    /**
     * The `top_k` used when a request sets none of `temperature`, `top_p` and `top_k`. The API rejects it with
     * `anthropic-version` 2026-10-21, so the build fails when both are configured.
     */
    Optional<Integer> topK();

    /**
     * Call `GET /v1/models/{model}` once at startup to check the API key and the configured `model`. An invalid key
     * (401), a key without access (403) or an unknown or unavailable model (404) then fails startup with the typed
     * error; other failures (network, overload) only log a warning. Needs `model` to be set.
     */
    @WithDefault("false")
    boolean verifyOnStartup();

    /**
     * The name of the TLS configuration (`quarkus.tls."name".*`, the Quarkus TLS registry) for the connections of this
     * client: a trust store for a gateway or proxy signed by a private CA, a key store for mutual TLS, protocols and
     * cipher suites. Unset: the JVM's default trust store, and neither the default `quarkus.tls.*` configuration nor
     * `quarkus.rest-client.tls-configuration-name` applies, except `quarkus.tls.trust-all`. A name that matches no TLS
     * configuration fails startup.
     */
    @WithConverter(Trimmed.class)
    Optional<String> tlsConfigurationName();

    /**
     * The name of the proxy configuration (`quarkus.proxy."name".*`, the Quarkus proxy registry) this client connects
     * through, or `none` for a direct connection whatever the application's defaults say. Unset: the application's
     * defaults apply, the first one set of `quarkus.rest-client.proxy-address`,
     * `quarkus.rest-client.proxy-configuration-name`, the default `quarkus.proxy.*` and the JVM's `http(s).proxyHost`
     * system properties. A name that matches no proxy configuration fails startup.
     */
    @WithConverter(Trimmed.class)
    Optional<String> proxyConfigurationName();

    /**
     * The most connections this client keeps open to the API at once; a request beyond them waits for one to be free.
     * Unset: the bulkhead's `resilience.bulkhead.max-concurrent` when the bulkhead is on, so that every attempt it lets
     * through has a connection rather than a wait; else the REST Client's default of 50.
     * `quarkus.rest-client.connection-pool-size` does not apply to the Claude clients.
     */
    OptionalInt connectionPoolSize();

    /**
     * Speak HTTP/2 to the API: negotiated with ALPN over https, falling back to HTTP/1.1 when the server does not offer
     * it. Unset: `quarkus.rest-client.http2` (false by default).
     */
    Optional<Boolean> http2();

    /**
     * Keep connections open between requests, to reuse them. Off, each request opens its own connection and closes it
     * (for a gateway that drops idle connections without notice). `quarkus.rest-client.keep-alive-enabled` does not
     * apply to the Claude clients.
     */
    @WithDefault("true")
    boolean keepAliveEnabled();
}
