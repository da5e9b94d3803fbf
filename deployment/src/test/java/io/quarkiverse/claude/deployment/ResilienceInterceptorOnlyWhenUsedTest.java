package io.quarkiverse.claude.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InterceptionType;
import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.claude.ClaudeResilience;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An application that never uses {@code @ClaudeResilience} gets no interceptor for it (ArC keeps every interceptor,
 * and each costs startup). The interceptor at work, when the binding is used, is the integration tests'
 * {@code AnnotationPolicyTest}.
 */
class ResilienceInterceptorOnlyWhenUsedTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.claude.api-key", "sk-ant-api03-interceptor-test")
            .overrideConfigKey("quarkus.claude.devservices.enabled", "false");

    @Inject
    BeanManager beans;

    @Test
    void noInterceptorForAnUnusedBinding() {
        assertEquals(0, beans.resolveInterceptors(InterceptionType.AROUND_INVOKE, new DefaultClient()).size());
    }

    @SuppressWarnings("all")
    static final class DefaultClient extends AnnotationLiteral<ClaudeResilience> implements ClaudeResilience {

        @Override
        public String value() {
            return ClaudeResilience.DEFAULT_CLIENT;
        }
    }
}
