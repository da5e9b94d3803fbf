package io.quarkiverse.claude.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;

import org.jboss.resteasy.reactive.client.impl.SseEventSourceImpl;
import org.jboss.resteasy.reactive.client.impl.SseParser;
import org.junit.jupiter.api.Test;

import io.vertx.core.buffer.Buffer;

/** The SSE parser of this Quarkus version passes the check, is rewritten, and the JVM runs the rewritten class. */
class SseParserRewriteTest {

    private static final List<String> BUFFERS = List.of("dataBuffer", "nameBuffer", "valueBuffer", "commentBuffer");

    @Test
    void theParserOfThisQuarkusVersionIsRewrittenAndTheBuildLogSaysSo() throws Exception {
        byte[] original = parserBytes();
        try (BuildLog log = new BuildLog()) {
            assertTrue(SseParserProcessor.lockFree(LockFreeSseParser.SSE_PARSER, original, true).isPresent());
            assertEquals(List.of(LockFreeSseParser.SSE_PARSER + " is rewritten to use StringBuilder instead of"
                    + " StringBuffer, so parsing server-sent events takes no lock per character. This is app-wide: it"
                    + " applies to every SSE client of the application, not only Claude's."
                    + " quarkus.claude.sse-parser.lock-free=false turns it off."), log.at(Level.INFO));
            assertEquals(List.of(), log.at(Level.WARNING));
        }

        byte[] rewritten = new LockFreeSseParser().apply(LockFreeSseParser.SSE_PARSER, original);
        assertFalse(new String(rewritten, StandardCharsets.ISO_8859_1).contains("java/lang/StringBuffer"),
                "no StringBuffer left");

        // Loading it on its own makes the JVM verify the rewritten bytecode; parsing a field runs it
        Class<?> parserClass = new RewrittenParserLoader(rewritten).loadClass(LockFreeSseParser.SSE_PARSER);
        for (String buffer : BUFFERS) {
            assertEquals(StringBuilder.class, parserClass.getDeclaredField(buffer).getType(), buffer);
        }
        Object parser = parserClass.getConstructor(SseEventSourceImpl.class, String.class)
                .newInstance(null, "text/plain");
        parserClass.getMethod("handle", Buffer.class).invoke(parser, Buffer.buffer("data: héllo\n"));
        Field data = parserClass.getDeclaredField("dataBuffer");
        data.setAccessible(true);
        assertEquals("héllo", data.get(parser).toString(), "an event's data, before the blank line that ends it");
    }

    private static byte[] parserBytes() throws IOException {
        try (InputStream in = SseParser.class.getResourceAsStream("SseParser.class")) {
            return in.readAllBytes();
        }
    }

    /** Defines the rewritten parser itself and leaves every other class to the test's loader. */
    private static final class RewrittenParserLoader extends ClassLoader {

        private final byte[] parser;

        RewrittenParserLoader(byte[] parser) {
            super(SseParser.class.getClassLoader());
            this.parser = parser;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(LockFreeSseParser.SSE_PARSER)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : defineClass(name, parser, 0, parser.length);
            }
        }
    }
}
