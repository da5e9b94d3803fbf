package org.acme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The properties blocks of the pages, as test profiles apply them: each file under {@code pages/} is one block, word
 * for word (DocsShowTheseSourcesTest checks that the page shows it).
 */
final class PageConfig {

    private PageConfig() {
    }

    /** @return the properties of the named blocks, later ones over earlier ones */
    static Map<String, String> of(String... blocks) {
        Map<String, String> config = new HashMap<>();
        for (String block : blocks) {
            Properties properties = new Properties();
            try (InputStream in = PageConfig.class.getResourceAsStream("/pages/" + block + ".properties")) {
                if (in == null) {
                    throw new IllegalArgumentException("no block pages/" + block + ".properties");
                }
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            properties.forEach((key, value) -> config.put((String) key, (String) value));
        }
        return config;
    }
}
