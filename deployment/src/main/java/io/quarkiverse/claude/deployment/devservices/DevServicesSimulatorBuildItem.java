package io.quarkiverse.claude.deployment.devservices;

import io.quarkus.builder.item.SimpleBuildItem;

/** The simulator Dev Services started for this build: the Dev UI labels the clients it serves. */
public final class DevServicesSimulatorBuildItem extends SimpleBuildItem {

    private final String baseUrl;

    public DevServicesSimulatorBuildItem(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }
}
