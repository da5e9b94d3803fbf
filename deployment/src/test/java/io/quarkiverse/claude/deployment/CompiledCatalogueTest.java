package io.quarkiverse.claude.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.claude.runtime.catalogue.ModelCatalogue;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The build compiles the model catalogue into a class that builds the same models as the data file, so that the
 * application prices calls without parsing JSON.
 */
class CompiledCatalogueTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest();

    @Test
    @SuppressWarnings("unchecked")
    void theCompiledCatalogueHoldsWhatTheFileSays() throws Exception {
        Class<?> compiled = Class.forName(ModelCatalogue.COMPILED, true, Thread.currentThread().getContextClassLoader());
        ModelCatalogue catalogue = ((Supplier<ModelCatalogue>) compiled.getDeclaredConstructor().newInstance()).get();

        ModelCatalogue file = ModelCatalogue.load();
        assertFalse(file.models().isEmpty());
        assertEquals(file.models(), catalogue.models());
        assertEquals(file.asOf(), catalogue.asOf());
        assertEquals(file.models(), ModelCatalogue.shipped().models());
    }
}
