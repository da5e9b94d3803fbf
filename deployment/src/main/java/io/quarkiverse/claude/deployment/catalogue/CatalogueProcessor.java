package io.quarkiverse.claude.deployment.catalogue;

import io.quarkiverse.claude.runtime.catalogue.ModelCatalogue;
import io.quarkus.deployment.GeneratedClassGizmoAdaptor;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.GeneratedClassBuildItem;

/**
 * Reads the model catalogue at build time, once, and compiles it into a class, so that the application never parses
 * its JSON: the cost estimates of calls price them from the compiled catalogue, loaded on the first one.
 */
class CatalogueProcessor {

    @BuildStep
    ModelCatalogueBuildItem readCatalogue() {
        return new ModelCatalogueBuildItem(ModelCatalogue.load());
    }

    @BuildStep
    void compileCatalogue(ModelCatalogueBuildItem catalogue, BuildProducer<GeneratedClassBuildItem> classes) {
        CompiledCatalogueWriter.write(catalogue.catalogue(), new GeneratedClassGizmoAdaptor(classes, true));
    }
}
