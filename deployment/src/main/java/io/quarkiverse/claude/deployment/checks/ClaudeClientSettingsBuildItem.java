package io.quarkiverse.claude.deployment.checks;

import java.util.List;

import io.quarkus.builder.item.SimpleBuildItem;

/** The configuration of every client, as the build sees it: the default client and each named one. */
public final class ClaudeClientSettingsBuildItem extends SimpleBuildItem {

    private final List<ClientSettings> clients;

    public ClaudeClientSettingsBuildItem(List<ClientSettings> clients) {
        this.clients = List.copyOf(clients);
    }

    public List<ClientSettings> clients() {
        return clients;
    }
}
