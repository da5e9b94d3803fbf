package io.quarkiverse.claude.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.errors.NotFoundException;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.runtime.catalogue.CatalogueModel;
import io.quarkiverse.claude.runtime.catalogue.ModelCatalogue;
import io.quarkiverse.claude.runtime.catalogue.ModelStatus;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The catalogue the build checks models against is the list the Dev Services simulator serves: every id and alias of
 * a model still served answers, and a retired one is a 404 as on the real API.
 */
class DevServicesServeEveryCatalogueModelTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.claude.model", "claude-fable-5-1");

    @Inject
    ClaudeClient claude;

    @Test
    void everyServedIdAndAliasAnswers() {
        List<CatalogueModel> served = ModelCatalogue.load().models().stream()
                .filter(m -> m.status() != ModelStatus.RETIRED).toList();
        assertFalse(served.isEmpty());
        for (CatalogueModel model : served) {
            for (String id : model.allIds()) {
                assertEquals("Echo: hi", claude.messages().create(request(id)).text(), id);
            }
        }
    }

    @Test
    void aRetiredModelIsNotFound() {
        List<CatalogueModel> retired = ModelCatalogue.load().models().stream()
                .filter(m -> m.status() == ModelStatus.RETIRED).toList();
        for (CatalogueModel model : retired) {
            for (String id : model.allIds()) {
                assertThrows(NotFoundException.class, () -> claude.messages().create(request(id)), id);
            }
        }
    }

    private static MessageRequest request(String model) {
        return MessageRequest.builder().model(model).maxTokens(16).addUserMessage("hi").build();
    }
}
