package io.quarkiverse.claude.deployment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Modifier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Type;

/** The allowed list says only what is true of this JDK's StringBuilder and StringBuffer. */
class StringBuilderMethodsTest {

    @Test
    void everyAllowedCallExistsOnBothClassesWithTheSwappedDescriptor() {
        for (String allowed : StringBuilderMethods.ALLOWED) {
            String name = allowed.substring(0, allowed.indexOf('('));
            String descriptor = allowed.substring(allowed.indexOf('('));
            assertTrue(has(StringBuilder.class, name, descriptor), () -> "StringBuilder has no " + allowed);
            String bufferForm = descriptor.replace("Ljava/lang/StringBuilder;", "Ljava/lang/StringBuffer;");
            assertTrue(has(StringBuffer.class, name, bufferForm), () -> "StringBuffer has no " + name + bufferForm);
        }
    }

    @Test
    void aBufferAppendedToABufferIsNotAllowed() {
        assertFalse(StringBuilderMethods.allowed("append", "(Ljava/lang/StringBuilder;)Ljava/lang/StringBuilder;"));
        assertFalse(StringBuilderMethods.allowed("getClass", "()Ljava/lang/Class;"));
        assertFalse(StringBuilderMethods.allowed("wait", "()V"));
    }

    private static boolean has(Class<?> type, String name, String descriptor) {
        if (name.equals("<init>")) {
            return Stream.of(type.getConstructors()).anyMatch(c -> Type.getConstructorDescriptor(c).equals(descriptor));
        }
        return Stream.of(type.getMethods()).anyMatch(m -> m.getName().equals(name)
                && !Modifier.isStatic(m.getModifiers()) && Type.getMethodDescriptor(m).equals(descriptor));
    }
}
