package io.quarkiverse.claude.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The models a simulator knows and the {@code GET /v1/models} answers about them (the model object and the paging).
 * Immutable.
 */
final class ModelCatalog {

    /** The default model ids, newest first as the API lists them. */
    static final List<String> DEFAULT_IDS = List.of(
            "claude-opus-5-5", "claude-sonnet-5-5", "claude-haiku-5-5",
            "claude-opus-4-8", "claude-opus-4-7", "claude-opus-4-6", "claude-opus-4-5",
            "claude-sonnet-4-6", "claude-sonnet-4-5",
            "claude-haiku-4-5", "claude-haiku-4-5-20251001");

    /** Release dates of the default models (plausible, not authoritative). */
    private static final Map<String, String> CREATED = Map.ofEntries(
            Map.entry("claude-opus-5-5", "2026-10-21"),
            Map.entry("claude-sonnet-5-5", "2026-10-21"),
            Map.entry("claude-haiku-5-5", "2026-10-21"),
            Map.entry("claude-opus-4-8", "2026-08-05"),
            Map.entry("claude-opus-4-7", "2026-05-20"),
            Map.entry("claude-opus-4-6", "2026-02-05"),
            Map.entry("claude-opus-4-5", "2025-11-24"),
            Map.entry("claude-sonnet-4-6", "2026-02-17"),
            Map.entry("claude-sonnet-4-5", "2025-09-29"),
            Map.entry("claude-haiku-4-5", "2025-10-15"),
            Map.entry("claude-haiku-4-5-20251001", "2025-10-15"));

    /** Models deprecated but still served, with the day they retire. */
    private static final Map<String, String> RETIRES = Map.of("claude-sonnet-4-5", "2026-11-30");

    private static final Pattern ID = Pattern.compile("claude-([a-z]+)-(\\d+)-(\\d+)(?:-\\d{8})?");
    private static final LocalDate FALLBACK_DATE = LocalDate.of(2025, 1, 1);

    private final List<String> ids;

    ModelCatalog(List<String> ids) {
        this.ids = List.copyOf(ids);
    }

    boolean knows(String id) {
        return ids.contains(id);
    }

    /** The model object of {@code GET /v1/models/{id}}, or empty for an unknown id. */
    Optional<ObjectNode> find(String id) {
        return knows(id) ? Optional.of(describe(id)) : Optional.empty();
    }

    /**
     * One page of {@code GET /v1/models}: {@code limit} models after {@code afterId}, or the last {@code limit} models
     * before {@code beforeId}, or the first {@code limit} models.
     *
     * @throws ApiException for a bad limit or an unknown cursor id
     */
    ObjectNode page(int limit, String afterId, String beforeId) {
        return Paging.page(ids, id -> id, this::describe, limit, afterId, beforeId, "model");
    }

    private ObjectNode describe(String id) {
        ObjectNode model = Json.object();
        model.put("type", "model");
        model.put("id", id);
        model.put("display_name", displayName(id));
        model.put("created_at", dayStart(CREATED.get(id), ids.indexOf(id)));
        String retires = RETIRES.get(id);
        model.put("lifecycle", retires == null ? "active" : "deprecated");
        if (retires != null) {
            model.put("retires_at", retires + "T00:00:00Z");
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

    private static String dayStart(String date, int index) {
        LocalDate day = date != null ? LocalDate.parse(date) : FALLBACK_DATE.minusDays(index);
        return Instant.from(day.atStartOfDay(ZoneOffset.UTC)).toString();
    }
}
