package io.quarkiverse.claude.runtime.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.claude.runtime.json.WireJson;

/**
 * The Claude models this extension knows, read from {@value #RESOURCE}, a data file shipped in the runtime jar. Used
 * at build time to check the configured models; usable at runtime (prices, limits). Immutable.
 * <p>
 * The build reads the file once and compiles it into the class {@value #COMPILED}, so that a running application
 * never parses JSON for it: {@link #shipped()} loads that class on first use.
 */
public final class ModelCatalogue {

    /** The class-path resource the catalogue is read from. */
    public static final String RESOURCE = "META-INF/quarkus-claude/models.json";

    /**
     * The class the build generates from the file: a {@code Supplier<ModelCatalogue>} that builds the catalogue with
     * constructor calls.
     */
    public static final String COMPILED = "io.quarkiverse.claude.runtime.catalogue.CompiledModelCatalogue";

    private final List<CatalogueModel> models;
    private final String asOf;
    private final ServerToolPrices serverToolPrices;

    ModelCatalogue(List<CatalogueModel> models, String asOf, ServerToolPrices serverToolPrices) {
        this.models = List.copyOf(models);
        this.asOf = asOf;
        this.serverToolPrices = serverToolPrices;
    }

    /** @return a catalogue of these models, in this order, with no server tool prices */
    public static ModelCatalogue of(List<CatalogueModel> models, String asOf) {
        return new ModelCatalogue(models, asOf, ServerToolPrices.NONE);
    }

    /** @return a catalogue of these models, in this order, and these server tool prices */
    public static ModelCatalogue of(List<CatalogueModel> models, String asOf, ServerToolPrices serverToolPrices) {
        return new ModelCatalogue(models, asOf, serverToolPrices);
    }

    /**
     * @return the catalogue shipped with the extension, built once on first use: from the class the build compiled it
     *         into ({@value #COMPILED}), or, outside a Quarkus application (plain unit tests), read from the file
     */
    public static ModelCatalogue shipped() {
        return Shipped.INSTANCE;
    }

    /** Holds the shipped catalogue: the JVM builds it on first use, once, whatever the threads. */
    private static final class Shipped {
        static final ModelCatalogue INSTANCE = compiledOrLoaded();

        @SuppressWarnings("unchecked")
        private static ModelCatalogue compiledOrLoaded() {
            // the generated class is an application class: in dev and test mode only the application's loader sees it
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            try {
                Class<?> compiled = Class.forName(COMPILED, true, loader != null ? loader : ModelCatalogue.class.getClassLoader());
                return ((Supplier<ModelCatalogue>) compiled.getDeclaredConstructor().newInstance()).get();
            } catch (ClassNotFoundException notBuiltByQuarkus) {
                return load();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot use the compiled model catalogue " + COMPILED, e);
            }
        }
    }

    /** Reads the catalogue shipped with the extension from {@value #RESOURCE}. */
    public static ModelCatalogue load() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null || loader.getResource(RESOURCE) == null) {
            loader = ModelCatalogue.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /**
     * Reads a catalogue in the format of {@value #RESOURCE}.
     *
     * @throws IllegalArgumentException when an entry is incomplete or inconsistent
     */
    public static ModelCatalogue read(InputStream json) throws IOException {
        JsonNode root = WireJson.MAPPER.readTree(json); // the extension's one mapper: none is built for this file
        List<CatalogueModel> models = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode entry : root.path("models")) {
            CatalogueModel model = entry(entry);
            for (String id : model.allIds()) {
                if (!seen.add(id)) {
                    throw new IllegalArgumentException("model id " + id + " appears twice in the catalogue");
                }
            }
            models.add(model);
        }
        return new ModelCatalogue(models, root.path("asOf").asText(""), serverToolPrices(root.get("serverToolPrices")));
    }

    /** The optional section {@code serverToolPrices}: {@code webSearchPerThousand}, in dollars. */
    private static ServerToolPrices serverToolPrices(JsonNode section) {
        if (section == null || section.isNull()) {
            return ServerToolPrices.NONE;
        }
        JsonNode search = section.get("webSearchPerThousand");
        if (search == null || !search.isNumber() || search.asDouble() < 0) {
            throw new IllegalArgumentException("serverToolPrices needs a price webSearchPerThousand (dollars per 1,000 "
                    + "web searches, 0 or more)");
        }
        return new ServerToolPrices(search.asDouble());
    }

    private static CatalogueModel entry(JsonNode node) {
        String id = required(node, "id", "?");
        List<String> aliases = new ArrayList<>();
        node.path("aliases").forEach(alias -> aliases.add(alias.asText()));
        ModelStatus status = ModelStatus.valueOf(required(node, "status", id).toUpperCase(Locale.ROOT));
        Optional<LocalDate> endOfLife = date(node, "endOfLife", id);
        Optional<LocalDate> retiredOn = date(node, "retiredOn", id);
        if (status == ModelStatus.DEPRECATED && endOfLife.isEmpty()) {
            throw new IllegalArgumentException("deprecated model " + id + " needs an endOfLife date");
        }
        if (status == ModelStatus.RETIRED && retiredOn.isEmpty()) {
            throw new IllegalArgumentException("retired model " + id + " needs a retiredOn date");
        }
        JsonNode prices = node.path("prices");
        return new CatalogueModel(id, aliases, node.path("displayName").asText(id), required(node, "family", id), status,
                endOfLife, retiredOn, text(node, "replacement"), positive(node, "contextWindow", id),
                positive(node, "maxOutputTokens", id),
                new ModelPrices(price(prices, "input", id), price(prices, "output", id), price(prices, "cacheWrite5m", id),
                        price(prices, "cacheWrite1h", id), price(prices, "cacheRead", id)),
                node.path("verified").asBoolean(false), text(node, "notes"));
    }

    private static String required(JsonNode node, String field, String id) {
        return text(node, field).orElseThrow(() -> new IllegalArgumentException("model " + id + " has no " + field));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? Optional.empty() : Optional.of(value.asText());
    }

    private static Optional<LocalDate> date(JsonNode node, String field, String id) {
        try {
            return text(node, field).map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("model " + id + ": " + field + " is not a yyyy-MM-dd date", e);
        }
    }

    private static int positive(JsonNode node, String field, String id) {
        int value = node.path(field).asInt(0);
        if (value <= 0) {
            throw new IllegalArgumentException("model " + id + " needs a positive " + field);
        }
        return value;
    }

    private static double price(JsonNode prices, String field, String id) {
        JsonNode value = prices.get(field);
        if (value == null || !value.isNumber() || value.asDouble() < 0) {
            throw new IllegalArgumentException("model " + id + " needs a price " + field);
        }
        return value.asDouble();
    }

    /** @return every model, newest lines first, as listed in the file */
    public List<CatalogueModel> models() {
        return models;
    }

    /** @return the day the catalogue was last brought up to date, as written in the file */
    public String asOf() {
        return asOf;
    }

    /** @return what the API's own tools cost beyond the tokens, for every model */
    public ServerToolPrices serverToolPrices() {
        return serverToolPrices;
    }

    /** @return the model with this id or alias */
    public Optional<CatalogueModel> find(String modelId) {
        return models.stream().filter(m -> m.answersTo(modelId)).findFirst();
    }

    /**
     * @return up to {@code limit} ids or aliases of models that are still served, closest to {@code modelId} by edit
     *         distance first
     */
    public List<String> closest(String modelId, int limit) {
        String wanted = modelId.toLowerCase(Locale.ROOT);
        return models.stream()
                .filter(m -> m.status() != ModelStatus.RETIRED)
                .flatMap(m -> m.allIds().stream())
                .sorted(Comparator.comparingInt((String id) -> EditDistance.between(wanted, id)).thenComparing(id -> id))
                .limit(limit)
                .toList();
    }
}
