package io.quarkiverse.claude.deployment.structured;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Types passed as class literals to the structured-output methods whose schema the API cannot accept fail the build,
 * each named with its property and the method that passes it.
 */
class UnacceptableStructuredTypesFailBuildTest {

    public record Node(String name, Node next) {
    }

    public record Counts(Map<Integer, String> byNumber) {
    }

    public record Fine(String name, List<String> tags) {
    }

    @ApplicationScoped
    public static class Extractor {
        @Inject
        ClaudeClient claude;

        Node chain(String text) {
            return claude.ask(text, Node.class);
        }

        Counts counts(String text) {
            return claude.messages().createAsync(MessageRequest.of(text), Counts.class).await().indefinitely().value();
        }

        Fine fine(String text) {
            return claude.messages().stream(MessageRequest.of(text), Fine.class, System.out::print).value();
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Extractor.class, Node.class, Counts.class, Fine.class))
            .overrideConfigKey("quarkus.claude.api-key", "sk-ant-api03-build-test-key")
            .assertException(failure -> {
                String message = rootMessage(failure);
                assertContains(message, "The API cannot accept the JSON schema of 2 structured output types:");
                assertContains(message, "Structured output type " + Node.class.getName() + ": $.next: "
                        + Node.class.getName() + " contains itself, and the API accepts no recursive schema");
                assertContains(message, "(passed in " + Extractor.class.getName() + "#chain)");
                assertContains(message, "Structured output type " + Counts.class.getName()
                        + ": $.byNumber: a Map has no fixed properties");
                assertContains(message, "(passed in " + Extractor.class.getName() + "#counts)");
                assertTrue(!message.contains(Fine.class.getName()), message);
            });

    static String rootMessage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IllegalStateException && t.getMessage() != null
                    && t.getMessage().startsWith("The API cannot accept")) {
                return t.getMessage();
            }
        }
        throw new AssertionError("no structured output failure in " + failure, failure);
    }

    static void assertContains(String text, String part) {
        assertTrue(text.contains(part), () -> "expected <" + part + "> in: " + text);
    }

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
