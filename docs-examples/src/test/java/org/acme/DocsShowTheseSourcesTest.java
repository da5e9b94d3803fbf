package org.acme;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every Java, properties and XML block of every documentation page and of the README is a part of this module, word
 * for word: a class or test, a properties block that a test profile applies (under {@code pages/}),
 * {@code application.properties}, or a dependency of the pom. A page that gains a block which is not here fails this
 * test, so nothing a page shows goes uncompiled or untested.
 * <p>
 * Lines are compared without their indentation (a page shows a method at column 0, the class has it at 4), and the
 * callouts ({@code // <1>}, {@code # <1>}, {@code <!-- <1> -->}) are left out: Asciidoctor renders them as markers,
 * not as text to copy.
 */
class DocsShowTheseSourcesTest {

    private static final Path PAGES = Path.of("..", "docs", "modules", "ROOT", "pages");
    private static final Path README = Path.of("..", "README.md");
    private static final Pattern ADOC_BLOCK = Pattern.compile(
            "^\\[source,(java|properties|xml)[^\\]]*\\]\\n----\\n(.*?)\\n----$", Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern MARKDOWN_BLOCK = Pattern.compile("^```(java|properties|xml)\\n(.*?)\\n```$",
            Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern CALLOUT = Pattern.compile("\\s*(//|#)\\s*<\\d+>\\s*$|\\s*<!--\\s*<?\\d+>?\\s*-->\\s*$");

    record Block(String page, String language, List<String> lines) {
        @Override
        public String toString() {
            return page + " [" + language + "]:\n" + String.join("\n", lines);
        }
    }

    @Test
    void everyBlockOfEveryPageIsInThisModule() throws IOException {
        List<Block> blocks = blocks();
        List<List<String>> sources = sources();

        List<Block> missing = blocks.stream().filter(block -> sources.stream()
                .noneMatch(source -> Collections.indexOfSubList(source, block.lines()) >= 0)).toList();

        assertTrue(missing.isEmpty(), missing.size() + " of " + blocks.size() + " blocks are shown by a page but are"
                + " not in docs-examples (add them to a class, a test, application.properties, pages/*.properties"
                + " or the pom, and test what the page says they do):\n\n" + String.join("\n\n",
                        missing.stream().map(Block::toString).toList()));
    }

    /** Guards the test above against a pattern that silently finds nothing. */
    @Test
    void theBlocksAreFound() throws IOException {
        List<Block> blocks = blocks();
        for (String page : List.of("index.adoc", "testing.adoc", "errors.adoc", "resilience.adoc", "README.md")) {
            assertFalse(blocks.stream().noneMatch(block -> block.page().equals(page)), "no block found in " + page);
        }
    }

    private static List<Block> blocks() throws IOException {
        List<Block> blocks = new ArrayList<>();
        try (Stream<Path> pages = Files.list(PAGES)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".adoc")).sorted().toList()) {
                collect(page.getFileName().toString(), Files.readString(page), ADOC_BLOCK, blocks);
            }
        }
        collect("README.md", Files.readString(README), MARKDOWN_BLOCK, blocks);
        return blocks;
    }

    private static void collect(String page, String text, Pattern pattern, List<Block> blocks) {
        Matcher block = pattern.matcher(text);
        while (block.find()) {
            List<String> lines = block.group(2).lines().map(line -> CALLOUT.matcher(line).replaceAll(""))
                    .map(String::strip).toList();
            blocks.add(new Block(page, block.group(1), lines));
        }
    }

    /** @return the lines of each source file of this module, stripped; the pom's with its version resolved */
    private static List<List<String>> sources() throws IOException {
        String version = System.getProperty("project.version");
        assertTrue(version != null && !version.isBlank(), "the pom passes project.version to the tests");
        List<List<String>> sources = new ArrayList<>();
        sources.add(Files.readString(Path.of("pom.xml")).replace("${project.version}", version).lines()
                .map(String::strip).toList());
        try (Stream<Path> files = Files.walk(Path.of("src"))) {
            files.filter(Files::isRegularFile).sorted().forEach(file -> sources.add(lines(file)));
        }
        return sources;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readString(file).lines().map(line -> CALLOUT.matcher(line).replaceAll("")).map(String::strip)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
