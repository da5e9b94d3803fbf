package io.quarkiverse.claude.deployment.config;

import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Build-time configuration of the Claude extension: how strictly the configuration of the clients is checked when the
 * application is built.
 */
@ConfigMapping(prefix = "quarkus.claude")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface ClaudeBuildTimeConfig {

    /**
     * What the build does with a configured model (`quarkus.claude.model`, `quarkus.claude."client-name".model`) that
     * is not in the extension's model catalogue, that is retired, or whose `max-tokens` exceeds the model's maximum
     * output: `fail` the build, `warn` and go on, or `off` to skip model checks. A deprecated model always only warns.
     * Use `warn` or `quarkus.claude.extra-models` when Anthropic releases a model before the extension knows it.
     */
    @WithDefault("fail")
    ModelCheck modelCheck();

    /**
     * Model ids to accept although the extension's model catalogue does not know them, for example a model released
     * after this version of the extension. Their `max-tokens` is not checked.
     */
    Optional<List<String>> extraModels();

    /**
     * Let a production build go on when `quarkus.claude.api-key` holds a literal key in a configuration source packaged
     * into the application (such as `application.properties`). A key in a jar or an image is a leaked key: prefer
     * `quarkus.claude.api-key=${ANTHROPIC_API_KEY}` and set the environment variable where the application runs.
     */
    @WithDefault("false")
    boolean allowLiteralApiKey();

    /** Publish metrics of the calls to Micrometer, when the application has `quarkus-micrometer`. */
    @WithName("metrics.enabled")
    @WithDefault("true")
    boolean metricsEnabled();

    /** Record a span per call, when the application has `quarkus-opentelemetry`. */
    @WithName("tracing.enabled")
    @WithDefault("true")
    boolean tracingEnabled();

    /** Add the readiness check of the clients, when the application has `quarkus-smallrye-health`. */
    @WithName("health.enabled")
    @WithDefault("true")
    boolean healthEnabled();

    /**
     * Give the REST Client's parser of server-sent events (RESTEasy Reactive's `SseParser`) `StringBuilder`s instead
     * of `StringBuffer`s, at build time. The parser appends each character of a stream to one of them, and since Java
     * 15 every such append takes a lock; one parser is only ever used by one connection's event loop, so the locks
     * guard nothing, and without them decoding a streamed answer takes about 40 % less CPU.
     * It applies to every server-sent-event stream of the application's REST Clients, not only Claude's. A Quarkus
     * version whose parser uses its buffers in any way not known to work the same on `StringBuilder` is left as it
     * ships, with a WARN at build time.
     */
    @WithName("sse-parser.lock-free")
    @WithDefault("true")
    boolean sseParserLockFree();

    /** What to do with a model the catalogue does not accept. */
    enum ModelCheck {
        /** Fail the build. */
        FAIL,
        /** Log a warning and go on. */
        WARN,
        /** Do not check models. */
        OFF
    }
}
