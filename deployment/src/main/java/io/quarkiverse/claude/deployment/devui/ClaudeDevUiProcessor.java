package io.quarkiverse.claude.deployment.devui;

import java.util.Optional;

import jakarta.inject.Singleton;

import io.quarkiverse.claude.deployment.devservices.DevServicesSimulatorBuildItem;
import io.quarkiverse.claude.runtime.devui.ClaudeDevUiService;
import io.quarkiverse.claude.runtime.devui.DevServicesSimulator;
import io.quarkiverse.claude.runtime.devui.RecentCalls;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.deployment.IsDevelopment;
import io.quarkus.deployment.IsNormal;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.devui.spi.JsonRPCProvidersBuildItem;
import io.quarkus.devui.spi.page.CardPageBuildItem;
import io.quarkus.devui.spi.page.Page;

/** The Claude card of the Dev UI: configuration, a prompt to try, and the live table of calls. */
class ClaudeDevUiProcessor {

    @BuildStep(onlyIf = IsDevelopment.class)
    CardPageBuildItem card() {
        CardPageBuildItem card = new CardPageBuildItem();
        card.addPage(Page.webComponentPageBuilder().title("Configuration").icon("font-awesome-solid:gear")
                .componentLink("qwc-claude-config.js"));
        card.addPage(Page.webComponentPageBuilder().title("Try a prompt").icon("font-awesome-solid:comment")
                .componentLink("qwc-claude-prompt.js"));
        card.addPage(Page.webComponentPageBuilder().title("Recent calls").icon("font-awesome-solid:table")
                .componentLink("qwc-claude-calls.js"));
        return card;
    }

    @BuildStep(onlyIf = IsDevelopment.class)
    JsonRPCProvidersBuildItem jsonRpc() {
        return new JsonRPCProvidersBuildItem(ClaudeDevUiService.class);
    }

    /** Where the Dev Services simulator listens (if it started), so that the card can tell its clients apart. */
    @BuildStep(onlyIf = IsDevelopment.class)
    SyntheticBeanBuildItem devServicesSimulator(Optional<DevServicesSimulatorBuildItem> simulator) {
        return SyntheticBeanBuildItem.configure(DevServicesSimulator.class).scope(Singleton.class).unremovable()
                .param(DevServicesSimulator.BASE_URL_PARAM,
                        simulator.map(DevServicesSimulatorBuildItem::baseUrl).orElse(""))
                .creator(DevServicesSimulator.Creator.class).done();
    }

    /** The table's memory: in dev mode for the card, in test mode so that its service can be tested. */
    @BuildStep(onlyIfNot = IsNormal.class)
    AdditionalBeanBuildItem recentCalls() {
        return AdditionalBeanBuildItem.unremovableOf(RecentCalls.class);
    }
}
