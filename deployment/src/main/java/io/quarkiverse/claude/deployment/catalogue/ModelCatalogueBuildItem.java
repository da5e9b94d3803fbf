package io.quarkiverse.claude.deployment.catalogue;

import io.quarkiverse.claude.runtime.catalogue.ModelCatalogue;
import io.quarkus.builder.item.SimpleBuildItem;

/** The model catalogue shipped with the extension, read once per build for every step that needs it. */
public final class ModelCatalogueBuildItem extends SimpleBuildItem {

    private final ModelCatalogue catalogue;

    public ModelCatalogueBuildItem(ModelCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public ModelCatalogue catalogue() {
        return catalogue;
    }
}
