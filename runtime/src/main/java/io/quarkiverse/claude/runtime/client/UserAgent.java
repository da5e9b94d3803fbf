package io.quarkiverse.claude.runtime.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The {@code user-agent} of every request: this extension and its version, and the Java version. */
public final class UserAgent {

    public static final String VALUE = "quarkus-claude/" + version() + " (Java " + System.getProperty("java.version")
            + ")";

    private UserAgent() {
    }

    /** @return the extension's version, written into a resource at build time */
    public static String version() {
        try (InputStream in = UserAgent.class.getResourceAsStream("/META-INF/quarkus-claude-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
