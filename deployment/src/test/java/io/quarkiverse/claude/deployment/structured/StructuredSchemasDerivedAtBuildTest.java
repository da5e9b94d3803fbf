package io.quarkiverse.claude.deployment.structured;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.runtime.structured.JsonSchemas;
import io.quarkiverse.claude.runtime.structured.StructuredTypes;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The schemas of the types the application passes as class literals are derived by the build and recorded, and equal
 * what the run-time generator would derive; a type the build cannot see is left to the first call.
 */
class StructuredSchemasDerivedAtBuildTest {

    public enum Mood {
        CALM,
        CROSS
    }

    public record Address(String city) {
    }

    public record Person(String name, Optional<Address> address, Mood mood) {
    }

    public record NotPassed(String name) {
    }

    @ApplicationScoped
    public static class Extractor {
        @Inject
        ClaudeClient claude;

        Person person(String text) {
            return claude.ask(text, Person.class);
        }

        Object viaAVariable(String text, Class<?> type) {
            return claude.ask(text, type);
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Extractor.class, Person.class, Address.class, Mood.class,
                    NotPassed.class))
            .overrideConfigKey("quarkus.claude.api-key", "sk-ant-api03-build-test-key");

    @Test
    void theBuildDerivedThePassedTypesSchema() {
        assertTrue(StructuredTypes.derivedAtBuild(Person.class));
        assertEquals(JsonSchemas.of(Person.class), StructuredTypes.schemaOf(Person.class));
        assertFalse(StructuredTypes.derivedAtBuild(NotPassed.class), "passed through a variable: left to its first call");
        assertEquals(JsonSchemas.of(NotPassed.class), StructuredTypes.schemaOf(NotPassed.class));
    }
}
