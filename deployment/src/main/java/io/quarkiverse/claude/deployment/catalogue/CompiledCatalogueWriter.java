package io.quarkiverse.claude.deployment.catalogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import io.quarkiverse.claude.runtime.catalogue.CatalogueModel;
import io.quarkiverse.claude.runtime.catalogue.ModelCatalogue;
import io.quarkiverse.claude.runtime.catalogue.ModelPrices;
import io.quarkiverse.claude.runtime.catalogue.ModelStatus;
import io.quarkiverse.claude.runtime.catalogue.ServerToolPrices;
import io.quarkus.gizmo.ClassCreator;
import io.quarkus.gizmo.ClassOutput;
import io.quarkus.gizmo.FieldDescriptor;
import io.quarkus.gizmo.MethodCreator;
import io.quarkus.gizmo.MethodDescriptor;
import io.quarkus.gizmo.ResultHandle;

/**
 * Writes {@value ModelCatalogue#COMPILED}: a {@code Supplier<ModelCatalogue>} whose {@code get()} builds the catalogue
 * read at build time with plain constructor calls, the same values in the same order.
 */
final class CompiledCatalogueWriter {

    private static final MethodDescriptor MODEL = MethodDescriptor.ofConstructor(CatalogueModel.class, String.class,
            List.class, String.class, String.class, ModelStatus.class, Optional.class, Optional.class, Optional.class,
            int.class, int.class, ModelPrices.class, boolean.class, Optional.class);
    private static final MethodDescriptor PRICES = MethodDescriptor.ofConstructor(ModelPrices.class, double.class,
            double.class, double.class, double.class, double.class);
    private static final MethodDescriptor CATALOGUE = MethodDescriptor.ofMethod(ModelCatalogue.class, "of",
            ModelCatalogue.class, List.class, String.class, ServerToolPrices.class);
    private static final MethodDescriptor SERVER_TOOL_PRICES = MethodDescriptor.ofConstructor(ServerToolPrices.class,
            double.class);
    private static final MethodDescriptor NEW_LIST = MethodDescriptor.ofConstructor(ArrayList.class, int.class);
    private static final MethodDescriptor ADD = MethodDescriptor.ofMethod(List.class, "add", boolean.class, Object.class);
    private static final MethodDescriptor LIST_OF = MethodDescriptor.ofMethod(List.class, "of", List.class, Object[].class);
    private static final MethodDescriptor OPTIONAL_OF = MethodDescriptor.ofMethod(Optional.class, "of", Optional.class,
            Object.class);
    private static final MethodDescriptor OPTIONAL_EMPTY = MethodDescriptor.ofMethod(Optional.class, "empty",
            Optional.class);
    private static final MethodDescriptor DATE = MethodDescriptor.ofMethod(LocalDate.class, "of", LocalDate.class,
            int.class, int.class, int.class);

    private CompiledCatalogueWriter() {
    }

    static void write(ModelCatalogue catalogue, ClassOutput output) {
        try (ClassCreator creator = ClassCreator.builder().classOutput(output).className(ModelCatalogue.COMPILED)
                .interfaces(Supplier.class).setFinal(true).build()) {
            MethodCreator get = creator.getMethodCreator("get", Object.class);
            ResultHandle models = get.newInstance(NEW_LIST, get.load(catalogue.models().size()));
            for (CatalogueModel model : catalogue.models()) {
                get.invokeInterfaceMethod(ADD, models, model(get, model));
            }
            ResultHandle serverToolPrices = get.newInstance(SERVER_TOOL_PRICES,
                    get.load(catalogue.serverToolPrices().webSearchPerThousand()));
            get.returnValue(get.invokeStaticMethod(CATALOGUE, models, get.load(catalogue.asOf()), serverToolPrices));
        }
    }

    private static ResultHandle model(MethodCreator get, CatalogueModel model) {
        ResultHandle aliases = get.newArray(Object.class, model.aliases().size());
        for (int i = 0; i < model.aliases().size(); i++) {
            get.writeArrayValue(aliases, i, get.load(model.aliases().get(i)));
        }
        ModelPrices p = model.prices();
        ResultHandle prices = get.newInstance(PRICES, get.load(p.input()), get.load(p.output()),
                get.load(p.cacheWrite5m()), get.load(p.cacheWrite1h()), get.load(p.cacheRead()));
        return get.newInstance(MODEL, get.load(model.id()), get.invokeStaticInterfaceMethod(LIST_OF, aliases),
                get.load(model.displayName()), get.load(model.family()),
                get.readStaticField(FieldDescriptor.of(ModelStatus.class, model.status().name(), ModelStatus.class)),
                optional(get, model.endOfLife(), date -> date(get, date)),
                optional(get, model.retiredOn(), date -> date(get, date)),
                optional(get, model.replacement(), get::load), get.load(model.contextWindow()),
                get.load(model.maxOutputTokens()), prices, get.load(model.verified()),
                optional(get, model.notes(), get::load));
    }

    private static <T> ResultHandle optional(MethodCreator get, Optional<T> value, Function<T, ResultHandle> load) {
        return value.isPresent() ? get.invokeStaticMethod(OPTIONAL_OF, load.apply(value.get()))
                : get.invokeStaticMethod(OPTIONAL_EMPTY);
    }

    private static ResultHandle date(MethodCreator get, LocalDate date) {
        return get.invokeStaticMethod(DATE, get.load(date.getYear()), get.load(date.getMonthValue()),
                get.load(date.getDayOfMonth()));
    }
}
