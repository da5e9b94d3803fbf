package io.quarkiverse.claude;

/**
 * Programmatic access to the configured clients, for code that picks a client at runtime. Most code injects
 * {@link ClaudeClient} directly.
 */
public interface ClaudeClients {

    /** @return the default client, configured under {@code quarkus.claude.*} */
    ClaudeClient defaultClient();

    /**
     * @return the client configured under {@code quarkus.claude."name".*}
     * @throws io.quarkus.runtime.configuration.ConfigurationException when it has no API key
     */
    ClaudeClient named(String name);
}
