package io.quarkiverse.claude;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The public API (the packages {@code io.quarkiverse.claude}, {@code .model} and {@code .errors}) never names a type of
 * {@code io.quarkiverse.claude.runtime}, which is internal: not in a public or protected signature, a supertype or a
 * public field.
 */
class PublicApiBoundaryTest {

    private static final String INTERNAL = "io.quarkiverse.claude.runtime";

    @Test
    void noPublicSignatureNamesAnInternalType() throws Exception {
        List<Class<?>> api = apiClasses();
        assertTrue(api.size() > 50, "found the API's classes: " + api.size());

        TreeSet<String> leaks = new TreeSet<>();
        for (Class<?> type : api) {
            if (!Modifier.isPublic(type.getModifiers())) {
                continue;
            }
            check(type + " extends", type.getGenericSuperclass(), leaks);
            for (Type i : type.getGenericInterfaces()) {
                check(type + " implements", i, leaks);
            }
            for (Method m : type.getDeclaredMethods()) {
                if (visible(m.getModifiers()) && !m.isSynthetic()) {
                    checkExecutable(type, m, leaks);
                    check(type + "#" + m.getName() + " returns", m.getGenericReturnType(), leaks);
                }
            }
            for (var c : type.getDeclaredConstructors()) {
                if (visible(c.getModifiers())) {
                    checkExecutable(type, c, leaks);
                }
            }
            for (Field f : type.getDeclaredFields()) {
                if (visible(f.getModifiers())) {
                    check(type + "." + f.getName(), f.getGenericType(), leaks);
                }
            }
        }
        assertEquals(new TreeSet<String>(), leaks, "public API naming internal types");
    }

    private static void checkExecutable(Class<?> type, Executable e, TreeSet<String> leaks) {
        for (Type p : e.getGenericParameterTypes()) {
            check(type + "#" + e.getName() + " takes", p, leaks);
        }
        for (Type x : e.getGenericExceptionTypes()) {
            check(type + "#" + e.getName() + " throws", x, leaks);
        }
    }

    private static void check(String where, Type type, TreeSet<String> leaks) {
        if (type != null && type.getTypeName().contains(INTERNAL + ".")) {
            leaks.add(where + " " + type.getTypeName());
        }
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static List<Class<?>> apiClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(ClaudeClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> classes = new ArrayList<>();
        for (String pkg : List.of("io/quarkiverse/claude", "io/quarkiverse/claude/model",
                "io/quarkiverse/claude/model/stream", "io/quarkiverse/claude/model/batch", "io/quarkiverse/claude/errors")) {
            try (Stream<Path> files = Files.list(root.resolve(pkg))) {
                for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                    String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                    classes.add(Class.forName(name, false, PublicApiBoundaryTest.class.getClassLoader()));
                }
            }
        }
        return classes;
    }
}
