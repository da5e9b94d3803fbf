package io.quarkiverse.claude.deployment;

import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.ClassType;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Type;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.runtime.ClaudeRecorder;
import io.quarkiverse.claude.runtime.client.ClaudeClientRegistry;
import io.quarkiverse.claude.runtime.config.ClaudeRuntimeConfig;
import io.quarkiverse.claude.runtime.rest.ClaudeRestApi;
import io.quarkus.arc.deployment.BeanContainerBuildItem;
import io.quarkus.arc.deployment.BeanDiscoveryFinishedBuildItem;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.arc.deployment.SyntheticBeansRuntimeInitBuildItem;
import io.quarkus.arc.processor.InjectionPointInfo;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.Consume;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.ServiceStartBuildItem;

/**
 * One {@link ClaudeClient} bean and one {@code @RestClient} {@link ClaudeRestApi} bean per client, and the startup
 * check of the clients the application injects.
 */
class ClaudeBeansProcessor {

    static final DotName CLAUDE_CLIENT = DotName.createSimple(ClaudeClient.class);
    static final DotName REST_API = DotName.createSimple(ClaudeRestApi.class);
    static final DotName REST_CLIENT = DotName.createSimple(RestClient.class);
    private static final Type REGISTRY = ClassType.create(DotName.createSimple(ClaudeClientRegistry.class));

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void clientBeans(ClaudeClientNamesBuildItem clients, ClaudeRecorder recorder,
            BuildProducer<SyntheticBeanBuildItem> beans) {
        for (String name : clients.names()) {
            SyntheticBeanBuildItem.ExtendedBeanConfigurator client = SyntheticBeanBuildItem.configure(ClaudeClient.class)
                    .scope(Singleton.class)
                    .setRuntimeInit()
                    .unremovable()
                    .addInjectionPoint(REGISTRY)
                    .createWith(recorder.client(name));
            // Removable, unlike the clients: the raw REST interface is for the few applications that inject it, and
            // ArC then keeps it; for the others it is a bean less to load and register at every start.
            SyntheticBeanBuildItem.ExtendedBeanConfigurator rest = SyntheticBeanBuildItem.configure(ClaudeRestApi.class)
                    .scope(Singleton.class)
                    .setRuntimeInit()
                    .addQualifier(REST_CLIENT)
                    .addInjectionPoint(REGISTRY)
                    .createWith(recorder.restApi(name));
            if (ClaudeRuntimeConfig.isDefault(name)) {
                // Every REST bean has @RestClient; as the selected alternative, the default one wins a bare @RestClient.
                rest.alternative(true).priority(1);
                client.addQualifier().annotation(DotName.createSimple(jakarta.enterprise.inject.Default.class)).done();
            } else {
                client.addQualifier().annotation(ClaudeProcessor.CLIENT_NAME).addValue("value", name).done();
                rest.addQualifier().annotation(ClaudeProcessor.CLIENT_NAME).addValue("value", name).done();
            }
            beans.produce(client.done());
            beans.produce(rest.done());
        }
    }

    /** The clients something injects, as discovered (a bean that is never used is removed later, with its points). */
    @BuildStep
    InjectedClientNamesBuildItem injectedClients(BeanDiscoveryFinishedBuildItem beans) {
        Set<String> injected = new TreeSet<>();
        for (InjectionPointInfo point : beans.getInjectionPoints()) {
            DotName type = point.getRequiredType().name();
            if (type.equals(CLAUDE_CLIENT) || type.equals(REST_API)) {
                injected.add(clientName(point));
            }
        }
        return new InjectedClientNamesBuildItem(injected);
    }

    /** A missing key fails startup, not the first request; only for clients something injects. */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    @Consume(SyntheticBeansRuntimeInitBuildItem.class)
    ServiceStartBuildItem checkInjectedClients(InjectedClientNamesBuildItem injected, BeanContainerBuildItem container,
            ClaudeRecorder recorder) {
        recorder.checkConfigured(container.getValue(), injected.names());
        return new ServiceStartBuildItem(ClaudeProcessor.FEATURE);
    }

    private static String clientName(InjectionPointInfo point) {
        for (AnnotationInstance qualifier : point.getRequiredQualifiers()) {
            if (qualifier.name().equals(ClaudeProcessor.CLIENT_NAME)) {
                return qualifier.value().asString();
            }
        }
        return ClaudeRuntimeConfig.DEFAULT_CLIENT_NAME;
    }

}
