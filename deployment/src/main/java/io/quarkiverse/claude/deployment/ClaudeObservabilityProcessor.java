package io.quarkiverse.claude.deployment;

import java.util.Optional;

import io.quarkiverse.claude.deployment.config.ClaudeBuildTimeConfig;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.metrics.MetricsCapabilityBuildItem;
import io.quarkus.runtime.metrics.MetricsFactory;

/**
 * The optional integrations: metrics with Micrometer, spans with OpenTelemetry, a readiness check with SmallRye Health,
 * each only when the application has the extension (the runtime module's dependencies on them are optional). The
 * classes are named as strings so that nothing loads them when the extension is absent.
 */
class ClaudeObservabilityProcessor {

    static final String METRICS = "io.quarkiverse.claude.runtime.observability.ClaudeMetrics";
    static final String TRACING = "io.quarkiverse.claude.runtime.observability.ClaudeTracing";
    static final String HEALTH = "io.quarkiverse.claude.runtime.observability.ClaudeReadinessCheck";

    @BuildStep
    void optionalBeans(Capabilities capabilities, ClaudeBuildTimeConfig config,
            Optional<MetricsCapabilityBuildItem> metrics, BuildProducer<AdditionalBeanBuildItem> beans) {
        if (config.metricsEnabled() && metrics.isPresent() && metrics.get().metricsSupported(MetricsFactory.MICROMETER)) {
            beans.produce(AdditionalBeanBuildItem.unremovableOf(METRICS));
        }
        if (config.tracingEnabled() && capabilities.isPresent(Capability.OPENTELEMETRY_TRACER)) {
            beans.produce(AdditionalBeanBuildItem.unremovableOf(TRACING));
        }
        if (config.healthEnabled() && capabilities.isPresent(Capability.SMALLRYE_HEALTH)) {
            beans.produce(AdditionalBeanBuildItem.unremovableOf(HEALTH));
        }
    }
}
