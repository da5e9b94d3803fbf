package io.quarkiverse.claude.deployment.devservices;

import java.util.Optional;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.logging.Logger;

import io.quarkiverse.claude.testing.ClaudeSimulatorTestResource;

/**
 * Whether the tests being built start their own simulator through a global
 * {@code @QuarkusTestResource(ClaudeSimulatorTestResource.class)}.
 * <p>
 * Quarkus starts test resources after the build, so their configuration ({@code quarkus.claude.base-url}) is not
 * visible to Dev Services, which run during the build; the annotation on a test class, in the application's index in
 * test mode, is. A global resource applies to every test application, except under a test profile whose
 * {@code disableGlobalTestResources()} is true. A resource restricted to its class
 * ({@code restrictToAnnotatedClass = true}) does not count: the other test classes may still need Dev Services.
 */
final class SimulatorTestResource {

    private static final Logger LOG = Logger.getLogger(SimulatorTestResource.class);

    private static final DotName QUARKUS_TEST_RESOURCE = DotName.createSimple("io.quarkus.test.common.QuarkusTestResource");
    private static final DotName SIMULATOR_RESOURCE = DotName.createSimple(ClaudeSimulatorTestResource.class);

    private SimulatorTestResource() {
    }

    /**
     * @param testProfile the class name of the running test profile, if any
     * @return the test class whose global test resource starts the simulator, if there is one and it applies
     */
    static Optional<String> declaredBy(IndexView index, Optional<String> testProfile) {
        Optional<String> declaring = index.getAnnotationsWithRepeatable(QUARKUS_TEST_RESOURCE, index).stream()
                .filter(SimulatorTestResource::isGlobalSimulator)
                .map(annotation -> annotation.target().toString())
                .findFirst();
        if (declaring.isPresent() && testProfile.filter(SimulatorTestResource::disablesGlobalResources).isPresent()) {
            return Optional.empty();
        }
        return declaring;
    }

    private static boolean isGlobalSimulator(AnnotationInstance annotation) {
        AnnotationValue restricted = annotation.value("restrictToAnnotatedClass");
        return SIMULATOR_RESOURCE.equals(annotation.value().asClass().name())
                && (restricted == null || !restricted.asBoolean());
    }

    /** Asks the profile, as Quarkus's test resource manager will; a profile that cannot be asked keeps them. */
    private static boolean disablesGlobalResources(String profileClass) {
        try {
            Class<?> profile = Class.forName(profileClass, false, Thread.currentThread().getContextClassLoader());
            Object instance = profile.getDeclaredConstructor().newInstance();
            return (Boolean) profile.getMethod("disableGlobalTestResources").invoke(instance);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.debugf(e, "Cannot ask the test profile %s whether it disables global test resources", profileClass);
            return false;
        }
    }
}
