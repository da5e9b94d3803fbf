package io.quarkiverse.claude.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The extension's catalogue as the build packed it into the testing jar, read plainly for the tests' expectations. */
final class CatalogueFile {

    private CatalogueFile() {
    }

    static JsonNode models() {
        try (InputStream in = CatalogueFile.class.getClassLoader().getResourceAsStream(ModelCatalog.BUNDLED_COPY)) {
            if (in == null) {
                throw new IllegalStateException(ModelCatalog.BUNDLED_COPY + " was not packed into the testing jar");
            }
            return new ObjectMapper().readTree(in).path("models");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the ids of the models not retired, in the file's order */
    static List<String> servedIds() {
        return ids(false, false);
    }

    /** @return the ids and aliases of the models not retired */
    static List<String> servedIdsAndAliases() {
        return ids(false, true);
    }

    /** @return the ids and aliases of the retired models */
    static List<String> retiredIdsAndAliases() {
        return ids(true, true);
    }

    private static List<String> ids(boolean retired, boolean withAliases) {
        List<String> ids = new ArrayList<>();
        for (JsonNode model : models()) {
            if ("retired".equals(model.path("status").asText()) == retired) {
                ids.add(model.path("id").asText());
                if (withAliases) {
                    model.path("aliases").forEach(alias -> ids.add(alias.asText()));
                }
            }
        }
        return ids;
    }
}
