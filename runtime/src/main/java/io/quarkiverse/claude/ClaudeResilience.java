package io.quarkiverse.claude;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * Gives a method of your own bean the resilience of a Claude client: the retries per error class with their own
 * budgets, the deadline, the bulkhead and the circuit breaker, configured under
 * {@code quarkus.claude[."client-name"].resilience.*}. Use it on code that throws the typed
 * {@link io.quarkiverse.claude.errors.ClaudeException}s without retrying itself, for example calls through the raw
 * {@code @RestClient ClaudeRestApi}, or several steps that must be retried as one. A method returning
 * {@link io.smallrye.mutiny.Uni} is retried on each failure of the {@code Uni}.
 * <p>
 * Each named policy has its own bulkhead and circuit breaker, apart from the client's own. Do not wrap calls of a
 * {@link ClaudeClient} that retries itself: the attempts would multiply.
 *
 * <pre>
 * &#64;ClaudeResilience // the default client's settings; &#64;ClaudeResilience("fast") for a named client's
 * public String summarize(String text) {
 *     return rawApi.createMessage(request).text();
 * }
 * </pre>
 */
@InterceptorBinding
@Documented
@Retention(RUNTIME)
@Target({ TYPE, METHOD })
public @interface ClaudeResilience {

    /** The name the default client is known by. */
    String DEFAULT_CLIENT = "<default>";

    /** @return the client whose {@code resilience.*} settings apply; the default client when unset */
    @Nonbinding
    String value() default DEFAULT_CLIENT;
}
