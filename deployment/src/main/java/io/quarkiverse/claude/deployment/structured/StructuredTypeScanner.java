package io.quarkiverse.claude.deployment.structured;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Finds the class literals an application passes to the structured-output methods ({@code ask(prompt, T.class)},
 * {@code create}, {@code createAsync}, {@code stream} with a {@code Class}): the last class constant a method loads
 * before it calls one of them, with nothing stored or called in between. A type passed through a variable or a field is
 * not found here; its schema is derived at its first call, with the same checks.
 */
final class StructuredTypeScanner {

    private static final Set<String> OWNERS = Set.of("io/quarkiverse/claude/ClaudeClient", "io/quarkiverse/claude/Messages");
    private static final Set<String> METHODS = Set.of("ask", "create", "createAsync", "stream");

    private StructuredTypeScanner() {
    }

    /**
     * @param bytecode the class file
     * @param found receives each type's name, with where it was found ({@code org.acme.Svc#method})
     */
    static void scan(InputStream bytecode, Map<String, String> found) {
        ClassReader reader;
        try {
            reader = new ClassReader(bytecode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String className = reader.getClassName().replace('/', '.');
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                String where = className + "#" + name;
                return new MethodVisitor(Opcodes.ASM9) {
                    private String lastClassConstant;

                    @Override
                    public void visitLdcInsn(Object value) {
                        if (value instanceof Type type && type.getSort() == Type.OBJECT) {
                            lastClassConstant = type.getClassName();
                        }
                    }

                    @Override
                    public void visitVarInsn(int opcode, int varIndex) {
                        if (opcode >= Opcodes.ISTORE && opcode <= Opcodes.ASTORE) {
                            lastClassConstant = null; // stored in a variable: not passed here
                        }
                    }

                    @Override
                    public void visitFieldInsn(int opcode, String owner, String name, String fieldDescriptor) {
                        if (opcode == Opcodes.PUTFIELD || opcode == Opcodes.PUTSTATIC) {
                            lastClassConstant = null;
                        }
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor,
                            boolean isInterface) {
                        if (lastClassConstant != null && OWNERS.contains(owner) && METHODS.contains(method)
                                && methodDescriptor.contains("Ljava/lang/Class;")) {
                            found.putIfAbsent(lastClassConstant, where);
                        }
                        // the class is the call's last argument but a lambda's: any other call in between means the
                        // constant was for something else
                        lastClassConstant = null;
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    }
}
