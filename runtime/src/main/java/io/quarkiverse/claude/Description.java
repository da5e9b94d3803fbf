package io.quarkiverse.claude;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a type, record component or field of a structured output to the model: it becomes the
 * {@code description} of the JSON schema derived from the type. Jackson's {@code @JsonPropertyDescription} and
 * {@code @JsonClassDescription} work as well.
 *
 * <pre>
 * record Person(&#64;Description("Given name, as written") String name, int age) {
 * }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
public @interface Description {

    /** @return what the model should put there */
    String value();
}
