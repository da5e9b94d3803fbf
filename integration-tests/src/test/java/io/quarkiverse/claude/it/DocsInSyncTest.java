package io.quarkiverse.claude.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each docs page shows its example exactly as {@link DocsExamples} compiles and {@code DocsExamplesTest} runs it. */
class DocsInSyncTest {

    private static final Path PAGES = Path.of("..", "docs", "modules", "ROOT", "pages");
    private static final Path EXAMPLES = Path.of("src", "main", "java", "io", "quarkiverse", "claude", "it",
            "DocsExamples.java");

    @ParameterizedTest
    @CsvSource({ "streaming, streaming.adoc", "tools, tools.adoc", "caching, caching.adoc", "batches, batches.adoc" })
    void pageShowsTheCompiledExample(String tag, String page) throws Exception {
        String source = Files.readString(EXAMPLES);
        Matcher region = Pattern.compile("    // tag::" + tag + "\\[\\]\n(.*?)    // end::" + tag + "\\[\\]",
                Pattern.DOTALL).matcher(source);
        assertTrue(region.find(), "no tag " + tag + " in DocsExamples");
        String example = region.group(1).lines().map(line -> line.startsWith("    ") ? line.substring(4) : line)
                .collect(Collectors.joining("\n")).strip();

        assertTrue(Files.readString(PAGES.resolve(page)).contains(example),
                page + " must show the example of DocsExamples tag " + tag + ":\n" + example);
    }

    /** The Testing page shows TestingPageExampleTest's tests as they are, at their indentation in the class. */
    @Test
    void testingPageShowsTheTestedExample() throws Exception {
        String source = Files.readString(Path.of("src", "test", "java", "io", "quarkiverse", "claude", "it",
                "TestingPageExampleTest.java"));
        Matcher region = Pattern.compile("    // tag::testing\\[\\]\n(.*?)    // end::testing\\[\\]", Pattern.DOTALL)
                .matcher(source);
        assertTrue(region.find(), "no tag testing in TestingPageExampleTest");

        assertTrue(Files.readString(PAGES.resolve("testing.adoc")).contains(region.group(1).stripTrailing()),
                "testing.adoc must show the tests of TestingPageExampleTest:\n" + region.group(1));
    }
}
