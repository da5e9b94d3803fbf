package io.quarkiverse.claude.deployment.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.runtime.config.ClaudeClientRuntimeConfig;
import io.quarkus.runtime.annotations.ConfigGroup;
import io.smallrye.config.WithName;

/**
 * {@link ConfigReader#CLIENT_KEYS}, the keys that reveal a named client to the build checks, is every key of
 * {@link ClaudeClientRuntimeConfig} that is not a group: a key added to the mapping and forgotten there would let a
 * named client configured only with it go unchecked.
 */
class ClientKeysMatchTheMappingTest {

    @Test
    void everyLeafKeyOfAClientIsKnown() {
        Set<String> mapped = new TreeSet<>();
        for (Method m : ClaudeClientRuntimeConfig.class.getDeclaredMethods()) {
            if (m.isDefault() || m.isSynthetic() || m.getReturnType().isAnnotationPresent(ConfigGroup.class)) {
                continue;
            }
            WithName name = m.getAnnotation(WithName.class);
            mapped.add(name != null ? name.value() : kebab(m.getName()));
        }

        assertEquals(mapped, new TreeSet<>(ConfigReader.CLIENT_KEYS));
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
