package io.quarkiverse.claude.testing;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks a {@link ClaudeSimulator} field of a {@code @QuarkusTest} class that {@link ClaudeSimulatorTestResource} fills
 * with the running simulator, so the test can script faults and inspect requests.
 *
 * <pre>
 * &#64;InjectClaudeSimulator
 * ClaudeSimulator claude;
 * </pre>
 */
@Documented
@Retention(RUNTIME)
@Target(FIELD)
public @interface InjectClaudeSimulator {
}
