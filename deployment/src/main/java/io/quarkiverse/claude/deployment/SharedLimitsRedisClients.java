package io.quarkiverse.claude.deployment;

import java.util.Set;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkus.arc.deployment.GeneratedBeanBuildItem;
import io.quarkus.arc.deployment.GeneratedBeanGizmoAdaptor;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.gizmo.ClassCreator;
import io.quarkus.gizmo.FieldCreator;

/**
 * Quarkus creates a Redis client only when the application asks for it: by injecting it, or naming it in
 * {@code @RedisClientName}. The shared limits look their client up at run time, which asks for nothing; so the build
 * generates a bean that injects (as an {@code Instance}, which creates no connection) the default client and each
 * client a {@code shared-limits.redis-client-name} names. Types are named as strings: the deployment module does not
 * depend on the Redis client.
 */
final class SharedLimitsRedisClients {

    static final String CLASS_NAME = "io.quarkiverse.claude.runtime.shared.SharedLimitsRedisClients";
    private static final String REDIS = "io/vertx/mutiny/redis/client/Redis";
    private static final String REDIS_CLIENT_NAME = "io.quarkus.redis.client.RedisClientName";

    private SharedLimitsRedisClients() {
    }

    /** Generates the bean asking for the default Redis client and for each of {@code names}. */
    static void generate(Set<String> names, BuildProducer<GeneratedBeanBuildItem> beans) {
        try (ClassCreator bean = ClassCreator.builder().classOutput(new GeneratedBeanGizmoAdaptor(beans))
                .className(CLASS_NAME).build()) {
            bean.addAnnotation(Singleton.class);
            field(bean, "defaultClient", null);
            int i = 0;
            for (String name : names) {
                field(bean, "named" + i++, name);
            }
        }
    }

    private static void field(ClassCreator bean, String fieldName, String clientName) {
        FieldCreator field = bean.getFieldCreator(fieldName, Instance.class);
        field.setSignature("L" + Instance.class.getName().replace('.', '/') + "<L" + REDIS + ";>;");
        field.addAnnotation(Inject.class);
        if (clientName != null) {
            field.addAnnotation(REDIS_CLIENT_NAME).addValue("value", clientName);
        }
    }
}
