package io.quarkiverse.claude.deployment;

import static io.quarkiverse.claude.deployment.BufferClass.BUFFER_DESCRIPTOR;
import static io.quarkiverse.claude.deployment.BufferClass.callBuffer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.objectweb.asm.Opcodes.ACC_PRIVATE;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ARETURN;
import static org.objectweb.asm.Opcodes.BIPUSH;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INSTANCEOF;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.IRETURN;
import static org.objectweb.asm.Opcodes.POP;
import static org.objectweb.asm.Opcodes.RETURN;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.SimpleRemapper;

/**
 * The rewrite as a user meets it: which classes come out with StringBuilders, which are left alone, and what the build
 * log says about each. The classes are written with ASM ({@link BufferClass}) in the shapes a future SSE parser might
 * take.
 */
class LockFreeSseParserTest {

    private static final String TO_STRING = "()Ljava/lang/String;";

    @Test
    void aPrivateBufferBecomesABuilderAndBehavesTheSame() throws Exception {
        BufferClass fixture = new BufferClass("AddsCodePoints");
        fixture.method(ACC_PUBLIC, "add", "(I)Ljava/lang/String;", code -> {
            fixture.loadText(code);
            code.visitVarInsn(ILOAD, 1);
            callBuffer(code, "appendCodePoint", "(I)" + BUFFER_DESCRIPTOR);
            code.visitIntInsn(BIPUSH, '!');
            callBuffer(code, "append", "(C)" + BUFFER_DESCRIPTOR);
            callBuffer(code, "toString", TO_STRING);
            code.visitInsn(ARETURN);
        });
        byte[] original = fixture.bytes();

        byte[] rewritten;
        try (BuildLog log = new BuildLog()) {
            assertTrue(SseParserProcessor.lockFree(fixture.name, original, true).isPresent(),
                    "transformer registered");
            rewritten = new LockFreeSseParser().apply(fixture.name, original);
            assertEquals(List.of(), log.at(Level.WARNING));
        }

        Class<?> loaded = BufferClass.load(fixture.name, rewritten);
        assertEquals(StringBuilder.class, loaded.getDeclaredField("text").getType());
        assertEquals("é!", loaded.getMethod("add", int.class).invoke(loaded.getConstructor().newInstance(), (int) 'é'));
    }

    /** The hole an allowed list closes: the call is on StringBuffer, but StringBuilder has no append(StringBuilder). */
    @Test
    void aBufferAppendedToABufferIsLeftAloneWithAWarning() throws Exception {
        BufferClass fixture = new BufferClass("AppendsItself");
        fixture.method(ACC_PUBLIC, "copy", TO_STRING, code -> {
            fixture.loadText(code);
            fixture.loadText(code);
            callBuffer(code, "append", "(" + BUFFER_DESCRIPTOR + ")" + BUFFER_DESCRIPTOR);
            callBuffer(code, "toString", TO_STRING);
            code.visitInsn(ARETURN);
        });
        byte[] original = fixture.bytes();

        // Swapped blindly, the class would fail at its first call, as every SSE client would with such a parser
        Class<?> blind = BufferClass.load(fixture.name, blindlySwapped(original));
        InvocationTargetException failure = assertThrows(InvocationTargetException.class,
                () -> blind.getMethod("copy").invoke(blind.getConstructor().newInstance()));
        assertInstanceOf(NoSuchMethodError.class, failure.getCause());

        assertLeftAlone(fixture, original, "method copy() calls java.lang.StringBuffer.append(java.lang.StringBuffer),"
                + " which is not on the rewrite's list of StringBuilder methods");
        Class<?> asShipped = BufferClass.load(fixture.name, original);
        assertEquals("", asShipped.getMethod("copy").invoke(asShipped.getConstructor().newInstance()), "still works");
    }

    @Test
    void aMethodTheListDoesNotKnowIsLeftAlone() {
        BufferClass fixture = new BufferClass("CallsAFutureMethod");
        fixture.method(ACC_PUBLIC, "add", "(Ljava/lang/String;)V", code -> {
            fixture.loadText(code);
            code.visitVarInsn(ALOAD, 1);
            callBuffer(code, "appendLine", "(Ljava/lang/String;)" + BUFFER_DESCRIPTOR);
            code.visitInsn(POP);
            code.visitInsn(RETURN);
        });
        assertLeftAlone(fixture, fixture.bytes(), "method add(java.lang.String) calls"
                + " java.lang.StringBuffer.appendLine(java.lang.String), which is not on the rewrite's list of"
                + " StringBuilder methods");
    }

    @Test
    void aStaticBufferIsLeftAlone() {
        BufferClass fixture = new BufferClass("SharesOneBuffer", ACC_PRIVATE | ACC_STATIC, "java/lang/Object");
        fixture.method(ACC_PUBLIC, "length", "()I", code -> {
            fixture.loadText(code);
            callBuffer(code, "length", "()I");
            code.visitInsn(IRETURN);
        });
        assertLeftAlone(fixture, fixture.bytes(),
                "field text is a static StringBuffer, shared by every instance and perhaps by several threads");
    }

    @Test
    void aBufferFieldOfAnotherTypeIsLeftAlone() {
        BufferClass fixture = new BufferClass("KeepsLines")
                .field(ACC_PRIVATE, "lines", "[" + BUFFER_DESCRIPTOR);
        assertLeftAlone(fixture, fixture.bytes(),
                "field lines is a java.lang.StringBuffer[], not a plain StringBuffer");
    }

    @Test
    void aBufferThatLeavesTheClassIsLeftAlone() {
        BufferClass fixture = new BufferClass("HandsItsBufferOut");
        fixture.method(ACC_PUBLIC, "text", "()" + BUFFER_DESCRIPTOR, code -> {
            fixture.loadText(code);
            code.visitInsn(ARETURN);
        });
        assertLeftAlone(fixture, fixture.bytes(), "method text() takes or returns a StringBuffer and is not private,"
                + " so other classes may call it");
    }

    @Test
    void aTypeTestOfABufferIsLeftAlone() {
        BufferClass fixture = new BufferClass("TestsForABuffer");
        fixture.method(ACC_PUBLIC, "isBuffer", "(Ljava/lang/Object;)Z", code -> {
            code.visitVarInsn(ALOAD, 1);
            code.visitTypeInsn(INSTANCEOF, BufferClass.BUFFER);
            code.visitInsn(IRETURN);
        });
        assertLeftAlone(fixture, fixture.bytes(),
                "method isBuffer(java.lang.Object) tests whether a value is a java.lang.StringBuffer");
    }

    /** A method taking a buffer that the class inherits keeps StringBuffer in its declaration: it would not link. */
    @Test
    void anInheritedMethodTakingABufferIsLeftAlone() {
        BufferClass fixture = new BufferClass("FlushesThroughItsParent", ACC_PRIVATE,
                BufferClass.class.getPackageName().replace('.', '/') + "/ParserBase");
        fixture.method(ACC_PUBLIC, "parse", "()V", code -> {
            code.visitVarInsn(ALOAD, 0);
            fixture.loadText(code);
            code.visitMethodInsn(INVOKEVIRTUAL, fixture.name.replace('.', '/'), "flush",
                    "(" + BUFFER_DESCRIPTOR + ")V", false);
            code.visitInsn(RETURN);
        });
        assertLeftAlone(fixture, fixture.bytes(), "method parse() uses flush(java.lang.StringBuffer), which it"
                + " inherits: its declaration elsewhere would keep StringBuffer");
    }

    /** A nested class may read the private buffer directly, and it is not rewritten along with its host. */
    @Test
    void aClassWithNestMatesIsLeftAlone() {
        BufferClass fixture = new BufferClass("HostsAReader").nestMember("HostsAReader$Reader");
        assertLeftAlone(fixture, fixture.bytes(), "the class shares its private members with its nest mate "
                + BufferClass.class.getPackageName() + ".HostsAReader$Reader, which would still expect StringBuffer");
    }

    @Test
    void aClassWithoutBuffersIsLeftAloneQuietly() throws Exception {
        byte[] original = BuildLog.class.getResourceAsStream("BuildLog.class").readAllBytes();
        try (BuildLog log = new BuildLog()) {
            assertFalse(SseParserProcessor.lockFree(BuildLog.class.getName(), original, true).isPresent());
            assertSame(original, new LockFreeSseParser().apply(BuildLog.class.getName(), original));
            assertEquals(List.of(), log.at(Level.WARNING));
            assertEquals(List.of(), log.at(Level.INFO));
        }
    }

    @Test
    void aLiveReloadDoesNotRepeatTheWarning() {
        BufferClass fixture = new BufferClass("WarnedOnce", ACC_PRIVATE | ACC_STATIC, "java/lang/Object");
        try (BuildLog log = new BuildLog()) {
            assertFalse(SseParserProcessor.lockFree(fixture.name, fixture.bytes(), false).isPresent());
            assertEquals(List.of(), log.all());
        }
    }

    /** Not rewritten, no transformer registered, and one WARN naming the class and what stopped the rewrite. */
    private static void assertLeftAlone(BufferClass fixture, byte[] original, String obstacle) {
        try (BuildLog log = new BuildLog()) {
            assertFalse(SseParserProcessor.lockFree(fixture.name, original, true).isPresent(),
                    "no transformer registered");
            assertEquals(List.of(fixture.name + " is left as it is, without the lock-free rewrite"
                    + " (quarkus.claude.sse-parser.lock-free): " + obstacle + ". Server-sent events still work, only"
                    + " without the rewrite."), log.at(Level.WARNING));
            assertEquals(List.of(), log.at(Level.INFO));
        }
        assertSame(original, new LockFreeSseParser().apply(fixture.name, original), "not rewritten");
    }

    private static byte[] blindlySwapped(byte[] original) {
        ClassWriter writer = new ClassWriter(0);
        new ClassReader(original).accept(new ClassRemapper(writer,
                new SimpleRemapper(BufferClass.BUFFER, "java/lang/StringBuilder")), 0);
        assertNotSame(original, writer.toByteArray());
        return writer.toByteArray();
    }
}
