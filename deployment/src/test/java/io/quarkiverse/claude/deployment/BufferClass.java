package io.quarkiverse.claude.deployment;

import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PRIVATE;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.GETSTATIC;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.NEW;
import static org.objectweb.asm.Opcodes.PUTFIELD;
import static org.objectweb.asm.Opcodes.PUTSTATIC;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.V17;

import java.util.function.Consumer;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;

/**
 * Writes a small class the way a changed SSE parser might look: one StringBuffer field {@code text}, made when the
 * class or the instance is, and the methods a test adds. Written with ASM, not javac, so that the shapes that must be
 * told apart (a call javac would never pick, a class outside any nest) are exactly what the test says.
 */
final class BufferClass {

    static final String BUFFER = "java/lang/StringBuffer";
    static final String BUFFER_DESCRIPTOR = "Ljava/lang/StringBuffer;";

    final String name;
    private final String internalName;
    private final ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES);
    private final boolean staticText;

    /** A public class {@code name} (simple name, in this package) with a private final StringBuffer {@code text}. */
    BufferClass(String simpleName) {
        this(simpleName, ACC_PRIVATE | ACC_FINAL, "java/lang/Object");
    }

    BufferClass(String simpleName, int textAccess, String superName) {
        this.name = BufferClass.class.getPackageName() + "." + simpleName;
        this.internalName = name.replace('.', '/');
        this.staticText = (textAccess & ACC_STATIC) != 0;
        writer.visit(V17, ACC_PUBLIC | ACC_FINAL, internalName, null, superName, null);
        writer.visitField(textAccess, "text", BUFFER_DESCRIPTOR, null, null).visitEnd();
        method(ACC_PUBLIC, "<init>", "()V", code -> {
            code.visitVarInsn(ALOAD, 0);
            code.visitMethodInsn(INVOKESPECIAL, superName, "<init>", "()V", false);
            if (!staticText) {
                code.visitVarInsn(ALOAD, 0);
                newBuffer(code);
                code.visitFieldInsn(PUTFIELD, internalName, "text", BUFFER_DESCRIPTOR);
            }
            code.visitInsn(RETURN);
        });
        if (staticText) {
            method(ACC_STATIC, "<clinit>", "()V", code -> {
                newBuffer(code);
                code.visitFieldInsn(PUTSTATIC, internalName, "text", BUFFER_DESCRIPTOR);
                code.visitInsn(RETURN);
            });
        }
    }

    /** Adds a method; {@code body} writes its instructions, ending with a return. */
    BufferClass method(int access, String methodName, String descriptor, Consumer<MethodVisitor> body) {
        MethodVisitor code = writer.visitMethod(access, methodName, descriptor, null, null);
        code.visitCode();
        body.accept(code);
        code.visitMaxs(0, 0);
        code.visitEnd();
        return this;
    }

    /** Adds a field. */
    BufferClass field(int access, String fieldName, String descriptor) {
        writer.visitField(access, fieldName, descriptor, null, null).visitEnd();
        return this;
    }

    /** Declares {@code nestedSimpleName}, in this package, a nest mate that may use the private {@code text}. */
    BufferClass nestMember(String nestedSimpleName) {
        writer.visitNestMember(internalName.substring(0, internalName.lastIndexOf('/') + 1) + nestedSimpleName);
        return this;
    }

    /** Pushes the field {@code text}. */
    void loadText(MethodVisitor code) {
        if (staticText) {
            code.visitFieldInsn(GETSTATIC, internalName, "text", BUFFER_DESCRIPTOR);
        } else {
            code.visitVarInsn(ALOAD, 0);
            code.visitFieldInsn(GETFIELD, internalName, "text", BUFFER_DESCRIPTOR);
        }
    }

    /** Calls a method of StringBuffer on what the stack holds. */
    static void callBuffer(MethodVisitor code, String methodName, String descriptor) {
        code.visitMethodInsn(INVOKEVIRTUAL, BUFFER, methodName, descriptor, false);
    }

    byte[] bytes() {
        writer.visitEnd();
        return writer.toByteArray();
    }

    private static void newBuffer(MethodVisitor code) {
        code.visitTypeInsn(NEW, BUFFER);
        code.visitInsn(DUP);
        code.visitMethodInsn(INVOKESPECIAL, BUFFER, "<init>", "()V", false);
    }

    /** Defines {@code bytes} as the class {@code name} in a loader of its own. */
    static Class<?> load(String name, byte[] bytes) {
        return new ClassLoader(BufferClass.class.getClassLoader()) {
            Class<?> define() {
                return defineClass(name, bytes, 0, bytes.length);
            }
        }.define();
    }
}
