package org.acme;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every {@code quarkus.claude.*} property that a page shows is one of the extension's, as the generated configuration
 * reference lists them: a misspelt key would be ignored with no more than a warning. This also covers the blocks that
 * no test starts an application with (the TLS and proxy settings, the Dev Services faults).
 */
class PagePropertiesAreKnownTest {

    private static final Path REFERENCE = Path.of("..", "docs", "modules", "ROOT", "pages", "includes",
            "quarkus-claude.adoc");
    private static final Pattern REFERENCE_KEY = Pattern.compile("config_property_copy_button:\\+\\+\\+([^+]+)\\+\\+\\+");
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"");

    @Test
    void everyClaudePropertyOfThePagesIsKnown() throws IOException {
        Set<String> known = new java.util.HashSet<>();
        Matcher key = REFERENCE_KEY.matcher(Files.readString(REFERENCE));
        while (key.find()) {
            known.add(anyName(key.group(1)));
        }
        assertFalse(known.isEmpty(), "no key read from " + REFERENCE);

        List<String> unknown = new ArrayList<>();
        List<Path> blocks;
        try (Stream<Path> files = Files.list(Path.of("src", "test", "resources", "pages"))) {
            blocks = new ArrayList<>(files.sorted().toList());
        }
        blocks.add(Path.of("src", "main", "resources", "application.properties"));
        for (Path block : blocks) {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(block)) {
                properties.load(in);
            }
            for (String property : properties.stringPropertyNames()) {
                if (property.startsWith("quarkus.claude.") && !known.contains(anyName(property))) {
                    unknown.add(block.getFileName() + ": " + property);
                }
            }
        }
        assertTrue(unknown.isEmpty(), "not in the configuration reference:\n" + unknown.stream().sorted()
                .collect(Collectors.joining("\n")));
    }

    /** {@code quarkus.claude."fast".model} and {@code quarkus.claude."client-name".model} are the same property */
    private static String anyName(String key) {
        return QUOTED.matcher(key).replaceAll("\"*\"");
    }
}
