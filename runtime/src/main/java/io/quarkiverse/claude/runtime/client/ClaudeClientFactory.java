package io.quarkiverse.claude.runtime.client;

import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.resteasy.reactive.client.api.LoggingScope;

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
import io.quarkiverse.claude.runtime.shared.SharedLimits;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.restclient.config.RestClientsConfig;
import io.smallrye.config.SmallRyeConfig;
import io.vertx.core.Vertx;

/**
 * Builds a client from its configuration: a Quarkus REST Client with the headers, timeouts, connections, mapping and
 * logging.
 */
final class ClaudeClientFactory {

    private ClaudeClientFactory() {
    }

    /** @param shared the shared limits, or {@code null} when the build did not include them */
    static ClaudeClientImpl create(String name, ClaudeClientRuntimeConfig config, ClientConnections connections,
            CallObserver observer, SharedLimits shared, Vertx vertx) {
        String apiKey = ApiKeys.require(name, config);
        URI baseUri = BaseUrl.of(name, config);
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
        connections.applyTo(builder, name, config);
        logging(builder, config);
        ClaudeRestApi rest = builder.build(ClaudeRestApi.class);
        ClaudeCalls calls = calls(name, config, observer, vertx);
        if (config.resilience().throttling().enabled()) {
            calls.throttleOn(rateLimits::latestSnapshot);
        }
        if (config.sharedLimits().enabled()) {
            calls.shareLimits(local -> SharedLimitsCheck.require(name, shared)
                    .gate(name, config, apiKey, rateLimits::latestSnapshot, local));
        }
        return new ClaudeClientImpl(name, rest, rateLimits, calls,
                new JsonAnswers(name, maxResponseBytes), config.model().orElse(null), config.maxTokens(),
                SamplingDefaults.of(config));
    }

    /**
     * The request/response logging of a client: its own {@code log-requests} and {@code log-responses}, and also what
     * the application sets for every REST Client ({@code quarkus.rest-client.logging.*}), which the builder would
     * otherwise apply with a logger that shows the key (the default one, or the application's own {@code ClientLogger}
     * bean). So the client always logs through a {@link ClaudeClientLogger}, and never with the scope {@code all}: that
     * adds the HTTP client's network activity log, a hex dump of every byte sent, the key included.
     */
    private static void logging(QuarkusRestClientBuilder builder, ClaudeClientRuntimeConfig config) {
        boolean appWide = appWideLoggingScope() != LoggingScope.NONE;
        boolean logRequests = config.logRequests() || appWide;
        boolean logResponses = config.logResponses() || appWide;
        builder.clientLogger(new ClaudeClientLogger(logRequests, logResponses))
                .loggingScope(logRequests || logResponses ? LoggingScope.REQUEST_RESPONSE : LoggingScope.NONE);
        if (config.logRequests() || config.logResponses()) {
            builder.loggingBodyLimit(config.logBodyLimit());
        }
    }

    /** @return {@code quarkus.rest-client.logging.scope}, read as the REST Client reads it */
    private static LoggingScope appWideLoggingScope() {
        return ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(RestClientsConfig.class)
                .logging().scope().map(LoggingScope::forName).orElse(LoggingScope.NONE);
    }

    /** The resilience policy of a client's own calls, whose transport failures it types. */
    static ClaudeCalls calls(String name, ClaudeClientRuntimeConfig config, CallObserver observer, Vertx vertx) {
        return new ClaudeCalls(name, config.baseUrl(), ClaudeRuntimeConfig.property(name, "resilience"),
                new TransportErrors(name, config.baseUrl(), config.readTimeout())::translate, config.resilience(), observer,
                vertx);
    }

    /**
     * The policy of a {@code @ClaudeResilience} method that borrows a client's settings: it retries the Claude failures
     * the method throws (typed where they happen, as by the raw REST interface), and lets the method's own failures
     * pass unchanged, never retried.
     */
    static ClaudeCalls annotationCalls(String name, ClaudeClientRuntimeConfig config) {
        return new ClaudeCalls("@ClaudeResilience(" + name + ")", config.baseUrl(),
                ClaudeRuntimeConfig.property(name, "resilience"), TransportErrors::claudeFailureIn,
                config.resilience(), CallObserver.NONE, null);
    }
}
