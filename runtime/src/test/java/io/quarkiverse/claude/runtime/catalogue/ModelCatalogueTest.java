package io.quarkiverse.claude.runtime.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The shipped catalogue reads, holds what issue 4 asks for, and rejects incomplete entries. */
class ModelCatalogueTest {

    final ModelCatalogue catalogue = ModelCatalogue.load();

    @Test
    void shippedCatalogueIsCurrent() {
        for (String id : List.of("claude-opus-5-5", "claude-sonnet-5-5", "claude-haiku-5-5", "claude-opus-4-8",
                "claude-opus-4-7", "claude-opus-4-6", "claude-opus-4-5", "claude-sonnet-4-6", "claude-haiku-4-5")) {
            assertEquals(ModelStatus.ACTIVE, catalogue.find(id).orElseThrow().status(), id);
        }
        CatalogueModel sonnet45 = catalogue.find("claude-sonnet-4-5").orElseThrow();
        assertEquals(ModelStatus.DEPRECATED, sonnet45.status());
        assertEquals(LocalDate.of(2026, 11, 30), sonnet45.endOfLife().orElseThrow());
        for (String id : List.of("claude-opus-4", "claude-sonnet-4")) {
            CatalogueModel retired = catalogue.find(id).orElseThrow();
            assertEquals(ModelStatus.RETIRED, retired.status());
            assertEquals(LocalDate.of(2026, 6, 15), retired.retiredOn().orElseThrow());
            assertTrue(catalogue.find(retired.replacement().orElseThrow()).isPresent(), id);
        }
        assertEquals("claude-haiku-4-5", catalogue.find("claude-haiku-4-5-20251001").orElseThrow().id());
        assertEquals(new ModelPrices(4, 20, 5, 8, 0.2), catalogue.find("claude-opus-5-5").orElseThrow().prices());
        assertEquals(64000, catalogue.find("claude-haiku-4-5").orElseThrow().maxOutputTokens());
    }

    @Test
    void everyReplacementIsAServedModel() {
        catalogue.models().forEach(m -> m.replacement().ifPresent(r -> assertTrue(
                catalogue.find(r).orElseThrow().status() != ModelStatus.RETIRED, m.id())));
    }

    @Test
    void closestIdsByEditDistance() {
        assertEquals("claude-sonnet-4-6", catalogue.closest("claude-sonet-4-6", 3).get(0));
        assertEquals("claude-haiku-4-5", catalogue.closest("claude-haiku-4.5", 1).get(0));
        assertTrue(catalogue.closest("claude-sonnet-4", 10).stream().noneMatch(id -> id.equals("claude-sonnet-4")),
                "retired models are never suggested");
    }

    @Test
    void incompleteEntriesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> read(
                "{\"models\":[{\"id\":\"x\",\"family\":\"f\",\"status\":\"deprecated\",\"contextWindow\":1,"
                        + "\"maxOutputTokens\":1,\"prices\":{\"input\":1,\"output\":1,\"cacheWrite5m\":1,"
                        + "\"cacheWrite1h\":1,\"cacheRead\":1}}]}"));
        assertThrows(IllegalArgumentException.class, () -> read(
                "{\"models\":[{\"id\":\"x\",\"family\":\"f\",\"status\":\"active\",\"contextWindow\":1,"
                        + "\"maxOutputTokens\":1,\"prices\":{\"input\":1}}]}"));
    }

    @Test
    void webSearchIsPricedAsTheApiPricesIt() throws Exception {
        assertEquals(new ServerToolPrices(10), catalogue.serverToolPrices(), "$10 per 1,000 searches");
        assertEquals(ServerToolPrices.NONE, read("{\"models\":[]}").serverToolPrices(), "the section is optional");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read("{\"models\":[],\"serverToolPrices\":{\"webSearchPerThousand\":\"ten\"}}"));
        assertEquals("serverToolPrices needs a price webSearchPerThousand (dollars per 1,000 web searches, 0 or more)",
                e.getMessage());
    }

    private static ModelCatalogue read(String json) throws Exception {
        return ModelCatalogue.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
