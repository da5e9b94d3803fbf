package io.quarkiverse.claude.runtime.client;

import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jboss.resteasy.reactive.client.api.LoggingScope;
import org.jboss.resteasy.reactive.client.api.QuarkusRestClientProperties;

import io.quarkiverse.claude.runtime.call.ClaudeCalls;
import io.quarkiverse.claude.runtime.config.ClaudeClientRuntimeConfig;
import io.quarkiverse.claude.runtime.config.ClaudeRuntimeConfig;
import io.quarkiverse.claude.runtime.errors.TransportErrors;
import io.quarkiverse.claude.runtime.json.WireJson;
import io.quarkiverse.claude.runtime.observability.CallObserver;
import io.quarkiverse.claude.runtime.rest.AnswerHandle;
import io.quarkiverse.claude.runtime.rest.AnswerSizeLimit;
import io.quarkiverse.claude.runtime.rest.ClaudeClientLogger;
import io.quarkiverse.claude.runtime.rest.ClaudeErrorMapper;
import io.quarkiverse.claude.runtime.rest.ClaudeHeadersFilter;
import io.quarkiverse.claude.runtime.rest.ClaudeRestApi;
import io.quarkiverse.claude.runtime.rest.ExactBytesReader;
import io.quarkiverse.claude.runtime.rest.RateLimitTracker;
import io.quarkiverse.claude.runtime.rest.StreamAnswerFilter;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.runtime.configuration.ConfigurationException;

/** Builds a client from its configuration: a Quarkus REST Client with the headers, timeouts, mapping and logging. */
final class ClaudeClientFactory {

    private ClaudeClientFactory() {
    }

    static ClaudeClientImpl create(String name, ClaudeClientRuntimeConfig config, CallObserver observer) {
        String apiKey = ApiKeys.require(name, config);
        URI baseUri = baseUri(name, config);
        RateLimitTracker rateLimits = new RateLimitTracker();
        long maxResponseBytes = config.maxResponseSize().asLongValue();
        String maxResponseProperty = ClaudeRuntimeConfig.property(name, "max-response-size");
        String baseUrlProperty = ClaudeRuntimeConfig.property(name, "base-url");
        QuarkusRestClientBuilder builder = QuarkusRestClientBuilder.newBuilder()
                .baseUri(baseUri)
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // never, whatever quarkus.rest-client.follow-redirects says: the key must not go to another address
                .followRedirects(false)
                .register(new ClaudeHeadersFilter(apiKey, config.anthropicVersion(), config.betas().orElse(List.of()),
                        UserAgent.VALUE))
                .register(rateLimits)
                .register(new StreamAnswerFilter(baseUrlProperty))
                .register(new AnswerHandle.Filter())
                .register(new ExactBytesReader())
                .register(new WireJson(), WireJson.PRIORITY)
                .httpClientRequestCustomizer(new AnswerSizeLimit(maxResponseBytes, maxResponseProperty, baseUrlProperty))
                .register(new ClaudeErrorMapper(name));
        if (config.resilience().bulkhead().enabled()) {
            // a connection for every attempt the bulkhead lets through, so that none waits for the pool instead
            builder.property(QuarkusRestClientProperties.CONNECTION_POOL_SIZE,
                    config.resilience().bulkhead().maxConcurrent());
        }
        if (config.logRequests() || config.logResponses()) {
            builder.clientLogger(new ClaudeClientLogger(config.logRequests(), config.logResponses(), config.logBodyLimit()))
                    .loggingScope(LoggingScope.REQUEST_RESPONSE)
                    .loggingBodyLimit(config.logBodyLimit())
                    .loggingMaskedHeaders(ClaudeClientLogger.SECRET_HEADERS);
        }
        ClaudeRestApi rest = builder.build(ClaudeRestApi.class);
        ClaudeCalls calls = calls(name, config, observer);
        if (config.resilience().throttling().enabled()) {
            calls.throttleOn(rateLimits::latestSnapshot);
        }
        return new ClaudeClientImpl(name, rest, rateLimits, calls,
                new JsonAnswers(name, maxResponseBytes), config.model().orElse(null), config.maxTokens(),
                SamplingDefaults.of(config));
    }

    /** The resilience policy of a client's own calls, whose transport failures it types. */
    static ClaudeCalls calls(String name, ClaudeClientRuntimeConfig config, CallObserver observer) {
        return new ClaudeCalls(name, config.baseUrl(), ClaudeRuntimeConfig.property(name, "resilience"),
                new TransportErrors(name, config.baseUrl(), config.readTimeout())::translate, config.resilience(), observer);
    }

    /**
     * The policy of a {@code @ClaudeResilience} method that borrows a client's settings: it retries the Claude failures
     * the method throws (typed where they happen, as by the raw REST interface), and lets the method's own failures
     * pass unchanged, never retried.
     */
    static ClaudeCalls annotationCalls(String name, ClaudeClientRuntimeConfig config) {
        return new ClaudeCalls("@ClaudeResilience(" + name + ")", config.baseUrl(),
                ClaudeRuntimeConfig.property(name, "resilience"), TransportErrors::claudeFailureIn,
                config.resilience(), CallObserver.NONE);
    }

    /** @throws ConfigurationException when the base URL is not an absolute http(s) URL */
    static URI baseUri(String name, ClaudeClientRuntimeConfig config) {
        String baseUrl = config.baseUrl();
        try {
            URI uri = URI.create(baseUrl);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("not an absolute http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(ClaudeRuntimeConfig.property(name, "base-url") + "=" + baseUrl
                    + " is not an absolute http(s) URL: use for example https://api.anthropic.com");
        }
    }
}
