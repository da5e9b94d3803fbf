package io.quarkiverse.claude.deployment;

import java.util.Set;
import java.util.TreeSet;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.DotName;

import io.quarkiverse.claude.ClaudeClientName;
import io.quarkiverse.claude.ClaudeResilience;
import io.quarkiverse.claude.runtime.call.ClaudeResilienceInterceptor;
import io.quarkiverse.claude.runtime.client.ClaudeClientRegistry;
import io.quarkiverse.claude.runtime.config.ClaudeRuntimeConfig;
import io.quarkiverse.claude.runtime.rest.ClaudeRestApi;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.AdditionalIndexedClassesBuildItem;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;

/** Registers the extension, its REST interface and its registry, and finds the clients the application names. */
class ClaudeProcessor {

    static final String FEATURE = "claude";
    static final DotName CLIENT_NAME = DotName.createSimple(ClaudeClientName.class);
    static final DotName RESILIENCE = DotName.createSimple(ClaudeResilience.class);

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /** The REST Client generates implementations only for interfaces in the index. */
    @BuildStep
    AdditionalIndexedClassesBuildItem indexRestInterface() {
        return new AdditionalIndexedClassesBuildItem(ClaudeRestApi.class.getName());
    }

    /**
     * The registry, the qualifier (which ArC must find in the bean archive to build its literals), and the
     * {@code @ClaudeResilience} binding, with its interceptor only when something uses the binding: ArC never removes
     * an interceptor, and an unused one costs its classes and its setup at every start. Where the clients' call events
     * go ({@code CallEvents}) is no bean: the registry builds it with its first client.
     */
    @BuildStep
    AdditionalBeanBuildItem beanArchive(CombinedIndexBuildItem index) {
        AdditionalBeanBuildItem.Builder beans = AdditionalBeanBuildItem.builder()
                .addBeanClasses(ClaudeClientRegistry.class, ClaudeClientName.class, ClaudeResilience.class);
        if (!index.getIndex().getAnnotations(RESILIENCE).isEmpty()) {
            beans.addBeanClass(ClaudeResilienceInterceptor.class);
        }
        return beans.setUnremovable().build();
    }

    @BuildStep
    ClaudeClientNamesBuildItem clientNames(CombinedIndexBuildItem index) {
        Set<String> names = new TreeSet<>();
        names.add(ClaudeRuntimeConfig.DEFAULT_CLIENT_NAME);
        for (AnnotationInstance qualifier : index.getIndex().getAnnotations(CLIENT_NAME)) {
            names.add(qualifier.value().asString());
        }
        return new ClaudeClientNamesBuildItem(names);
    }
}
