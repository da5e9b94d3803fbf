package io.quarkiverse.claude.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The models a simulator knows and the {@code GET /v1/models} answers about them (the model object and the paging).
 * Immutable.
 * <p>
 * By default these are the models of the extension's catalogue, {@value #CATALOGUE}: every model that is not retired,
 * by its id and by each alias, so that a model the build accepts is a model the simulator answers. The file is not
 * copied by hand: the build packs the extension's file into this jar as {@value #BUNDLED_COPY}, for the simulator's
 * use without the extension.
 */
final class ModelCatalog {

    /** The extension's catalogue, on the class path whenever the extension is. */
    static final String CATALOGUE = "META-INF/quarkus-claude/models.json";
    /** The same file, packed into the testing jar by its build. */
    static final String BUNDLED_COPY = "io/quarkiverse/claude/testing/models.json";

    /** One model as {@code GET /v1/models} describes it; {@code retiresAt} is null for an active model. */
    record Model(String id, String displayName, String createdAt, String retiresAt) {
    }

    private static final Pattern ID = Pattern.compile("claude-([a-z]+)-(\\d+)-(\\d+)(?:-\\d{8})?");
    private static final Pattern DATED = Pattern.compile(".*-(\\d{8})");
    private static final LocalDate FALLBACK_DATE = LocalDate.of(2025, 1, 1);

    private final List<Model> listed;
    private final Map<String, Model> byIdOrAlias;

    private ModelCatalog(List<Model> listed, Map<String, Model> byIdOrAlias) {
        this.listed = List.copyOf(listed);
        this.byIdOrAlias = Map.copyOf(byIdOrAlias);
    }

    /** Exactly these ids, with display names derived from them. */
    static ModelCatalog of(List<String> ids) {
        List<Model> models = new ArrayList<>();
        Map<String, Model> byId = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            Model model = new Model(id, displayName(id), dayStart(FALLBACK_DATE.minusDays(i)), null);
            models.add(model);
            byId.put(id, model);
        }
        return new ModelCatalog(models, byId);
    }

    /** The models of the extension's catalogue that are still served. */
    static ModelCatalog shipped() {
        return Shipped.CATALOG;
    }

    /** Read once: the file does not change while the JVM runs. */
    private static final class Shipped {
        static final ModelCatalog CATALOG = load();
    }

    private static ModelCatalog load() {
        // the extension's file first: with the extension on the class path, its build checks read that very file
        ClassLoader loader = ModelCatalog.class.getClassLoader();
        InputStream in = loader.getResourceAsStream(CATALOGUE);
        if (in == null) {
            in = loader.getResourceAsStream(BUNDLED_COPY);
        }
        if (in == null) {
            throw new IllegalStateException("Neither " + CATALOGUE + " nor " + BUNDLED_COPY + " is on the class path");
        }
        try (InputStream json = in) {
            return read(Json.MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the model catalogue", e);
        }
    }

    /** Reads the fields the API's model objects need; the extension's {@code ModelCatalogue} checks the rest. */
    static ModelCatalog read(JsonNode root) {
        LocalDate asOf = date(root.path("asOf").asText(null)).orElse(FALLBACK_DATE);
        List<Model> models = new ArrayList<>();
        Map<String, Model> byIdOrAlias = new HashMap<>();
        int index = 0;
        for (JsonNode entry : root.path("models")) {
            String status = entry.path("status").asText("active");
            if ("retired".equals(status)) {
                continue; // the API answers 404 for a retired model
            }
            String id = entry.path("id").asText();
            List<String> aliases = new ArrayList<>();
            entry.path("aliases").forEach(alias -> aliases.add(alias.asText()));
            // the date of a dated alias is its release; otherwise a day in the file's order, newest first
            LocalDate created = aliases.stream().map(ModelCatalog::dateIn).flatMap(Optional::stream).findFirst()
                    .orElse(asOf.minusDays(index));
            String retiresAt = "deprecated".equals(status) ? date(entry.path("endOfLife").asText(null))
                    .map(ModelCatalog::dayStart).orElse(null) : null;
            Model model = new Model(id, entry.path("displayName").asText(displayName(id)), dayStart(created), retiresAt);
            models.add(model);
            byIdOrAlias.put(id, model);
            aliases.forEach(alias -> byIdOrAlias.put(alias, model));
            index++;
        }
        return new ModelCatalog(models, byIdOrAlias);
    }

    /** @return the ids {@code GET /v1/models} lists, in its order */
    List<String> ids() {
        return listed.stream().map(Model::id).toList();
    }

    /** @return whether requests may name this id or alias */
    boolean knows(String id) {
        return byIdOrAlias.containsKey(id);
    }

    /** The model object of {@code GET /v1/models/{id}} (an alias gives its model), or empty for an unknown id. */
    Optional<ObjectNode> find(String id) {
        return Optional.ofNullable(byIdOrAlias.get(id)).map(ModelCatalog::describe);
    }

    /**
     * One page of {@code GET /v1/models}: {@code limit} models after {@code afterId}, or the last {@code limit} models
     * before {@code beforeId}, or the first {@code limit} models.
     *
     * @throws ApiException for a bad limit or an unknown cursor id
     */
    ObjectNode page(int limit, String afterId, String beforeId) {
        return Paging.page(listed, Model::id, ModelCatalog::describe, limit, afterId, beforeId, "model");
    }

    private static ObjectNode describe(Model m) {
        ObjectNode model = Json.object();
        model.put("type", "model");
        model.put("id", m.id());
        model.put("display_name", m.displayName());
        model.put("created_at", m.createdAt());
        model.put("lifecycle", m.retiresAt() == null ? "active" : "deprecated");
        if (m.retiresAt() != null) {
            model.put("retires_at", m.retiresAt());
        }
        return model;
    }

    /** {@code claude-opus-4-8} → {@code Claude Opus 4.8}; other ids are shown as they are. */
    static String displayName(String id) {
        Matcher m = ID.matcher(id);
        if (!m.matches()) {
            return id;
        }
        String family = m.group(1);
        return "Claude " + family.substring(0, 1).toUpperCase(Locale.ROOT) + family.substring(1) + " " + m.group(2) + "."
                + m.group(3);
    }

    private static Optional<LocalDate> dateIn(String datedAlias) {
        Matcher m = DATED.matcher(datedAlias);
        try {
            return m.matches() ? Optional.of(LocalDate.parse(m.group(1), DateTimeFormatter.BASIC_ISO_DATE))
                    : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return text == null || text.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String dayStart(LocalDate day) {
        return Instant.from(day.atStartOfDay(ZoneOffset.UTC)).toString();
    }
}
