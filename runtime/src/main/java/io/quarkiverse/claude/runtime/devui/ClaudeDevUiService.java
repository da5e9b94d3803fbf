package io.quarkiverse.claude.runtime.devui;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.inject.Inject;

import io.quarkiverse.claude.ClaudeClients;
import io.quarkiverse.claude.errors.ClaudeException;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.runtime.config.ClaudeClientRuntimeConfig;
import io.quarkiverse.claude.runtime.client.KeyTransport;
import io.quarkiverse.claude.runtime.config.ClaudeRuntimeConfig;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The JSON-RPC methods behind the Claude card of the Dev UI: the effective configuration (the key redacted), a prompt
 * to try, and the table of recent calls.
 */
public class ClaudeDevUiService {

    static final String REAL_API_HOST = "api.anthropic.com";

    private final ClaudeClients clients;
    private final RecentCalls recentCalls;
    private final ClaudeRuntimeConfig config;
    private final DevServicesSimulator devServices;

    @Inject
    public ClaudeDevUiService(ClaudeClients clients, RecentCalls recentCalls, ClaudeRuntimeConfig config,
            DevServicesSimulator devServices) {
        this.clients = clients;
        this.recentCalls = recentCalls;
        this.config = config;
        this.devServices = devServices;
    }

    /** @return the names of the configured clients, the default client ({@code <default>}) first */
    public List<String> getClients() {
        List<String> names = new ArrayList<>(new TreeSet<>(config.clients().keySet()));
        if (names.remove(ClaudeRuntimeConfig.DEFAULT_CLIENT_NAME)) {
            names.add(0, ClaudeRuntimeConfig.DEFAULT_CLIENT_NAME);
        }
        return names;
    }

    /** @return one row per configured client: model, version, base URL, where it goes, and whether it has a key */
    public List<Map<String, String>> getConfig() {
        List<Map<String, String>> rows = new ArrayList<>();
        for (String name : new TreeSet<>(config.clients().keySet())) {
            ClaudeClientRuntimeConfig client = config.client(name);
            Map<String, String> row = new LinkedHashMap<>();
            row.put("client", name);
            row.put("model", client.model().orElse("(none: requests must name one)"));
            row.put("maxTokens", String.valueOf(client.maxTokens()));
            row.put("anthropicVersion", client.anthropicVersion());
            row.put("baseUrl", client.baseUrl());
            row.put("endpoint", endpointKind(client.baseUrl()));
            row.put("apiKey", client.apiKey().filter(key -> !key.isBlank()).map(key -> "set (redacted)")
                    .orElse("missing"));
            rows.add(row);
        }
        return rows;
    }

    /** Sends one prompt with a client's defaults; a name that is no configured client's is an error, sent nowhere. */
    public Uni<Map<String, Object>> ask(String client, String prompt) {
        String name = client == null || client.isBlank() ? ClaudeRuntimeConfig.DEFAULT_CLIENT_NAME : client.trim();
        List<String> configured = getClients();
        if (!configured.contains(name)) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("error", "Unknown client");
            error.put("message", "No Claude client is named \"" + name + "\". The configured clients: "
                    + String.join(", ", configured) + ". A client is configured by its properties, for example "
                    + ClaudeRuntimeConfig.property(name, "model") + ".");
            return Uni.createFrom().item(error);
        }
        return clients.named(name).messages().createAsync(MessageRequest.of(prompt))
                .map(message -> {
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("text", message.text());
                    answer.put("model", message.model());
                    answer.put("stopReason", String.valueOf(message.stopReason()));
                    answer.put("inputTokens", message.usage().inputTokens());
                    answer.put("outputTokens", message.usage().outputTokens());
                    return answer;
                })
                .onFailure(ClaudeException.class).recoverWithItem(failure -> {
                    Map<String, Object> error = new LinkedHashMap<>();
                    error.put("error", failure.getClass().getSimpleName());
                    error.put("message", failure.getMessage());
                    return error;
                });
    }

    /** @return the latest calls, newest first */
    public List<CallRow> getRecentCalls() {
        return recentCalls.rows();
    }

    /** @return each call as it ends, for the live table */
    public Multi<CallRow> streamCalls() {
        return recentCalls.live();
    }

    /** @return what a base URL is: the real API, the Dev Services simulator, another local endpoint, or a custom one */
    String endpointKind(String baseUrl) {
        String host = URI.create(baseUrl).getHost();
        if (REAL_API_HOST.equals(host)) {
            return "the real Claude API";
        }
        if (devServices.serves(baseUrl)) {
            return "the Dev Services simulator";
        }
        if (host != null && KeyTransport.isLoopback(host)) {
            return "a local endpoint (not Dev Services: a simulator or proxy started apart)";
        }
        return "a custom endpoint (proxy or gateway)";
    }
}
