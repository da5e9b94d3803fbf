package io.quarkiverse.claude.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

/** The rewrite swaps a buffer that is the class's own business, and leaves a class alone whose buffer is shared. */
class LockFreeSseParserTest {

    /** Like the SSE parser: a private StringBuffer, used only through its own methods. */
    public static final class PrivateBuffer {
        private final StringBuffer text = new StringBuffer();

        public String add(int codePoint) {
            text.appendCodePoint(codePoint).append('!');
            String result = text.toString();
            text.setLength(0);
            return result;
        }
    }

    /** Hands its StringBuffer to callers: swapping it would break them. */
    public static final class SharedBuffer {
        private final StringBuffer text = new StringBuffer();

        public StringBuffer text() {
            return text;
        }
    }

    /** Tests an object from elsewhere against StringBuffer: as a StringBuilder test it would answer otherwise. */
    public static final class TestsForABuffer {
        private final StringBuffer text = new StringBuffer();

        public boolean isBuffer(Object value) {
            text.setLength(0);
            return value instanceof StringBuffer;
        }
    }

    private static byte[] classBytes(Class<?> type) throws IOException {
        String file = type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class";
        try (InputStream in = type.getResourceAsStream(file)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aPrivateBufferBecomesABuilderAndBehavesTheSame() throws Exception {
        byte[] rewritten = new LockFreeSseParser().apply(PrivateBuffer.class.getName(), classBytes(PrivateBuffer.class));
        Class<?> loaded = new ClassLoader(getClass().getClassLoader()) {
            Class<?> define() {
                return defineClass(PrivateBuffer.class.getName(), rewritten, 0, rewritten.length);
            }
        }.define();
        assertEquals(StringBuilder.class, loaded.getDeclaredField("text").getType());
        Object parser = loaded.getConstructor().newInstance();
        assertEquals("é!", loaded.getMethod("add", int.class).invoke(parser, (int) 'é'));
    }

    @Test
    void aSharedBufferIsLeftAlone() throws Exception {
        byte[] original = classBytes(SharedBuffer.class);
        assertSame(original, new LockFreeSseParser().apply(SharedBuffer.class.getName(), original));
    }

    @Test
    void aClassThatTestsForStringBufferIsLeftAlone() throws Exception {
        byte[] original = classBytes(TestsForABuffer.class);
        assertSame(original, new LockFreeSseParser().apply(TestsForABuffer.class.getName(), original));
    }
}
