package io.quarkiverse.claude;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

/**
 * Selects a named client, configured under {@code quarkus.claude."name".*}:
 *
 * <pre>
 * &#64;Inject
 * &#64;ClaudeClientName("summaries")
 * ClaudeClient summaries;
 * </pre>
 *
 * The default client, configured under {@code quarkus.claude.*}, needs no qualifier.
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({ FIELD, PARAMETER, METHOD, TYPE })
public @interface ClaudeClientName {

    /** The client's name, as in {@code quarkus.claude."name".api-key}. */
    String value();

    /** A literal for programmatic lookup, e.g. {@code Arc.container().select(ClaudeClient.class, Literal.of("x"))}. */
    final class Literal extends AnnotationLiteral<ClaudeClientName> implements ClaudeClientName {
        private static final long serialVersionUID = 1L;
        private final String value;

        private Literal(String value) {
            this.value = value;
        }

        public static Literal of(String value) {
            return new Literal(value);
        }

        @Override
        public String value() {
            return value;
        }
    }
}
