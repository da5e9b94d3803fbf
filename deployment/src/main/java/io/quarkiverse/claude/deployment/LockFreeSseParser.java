package io.quarkiverse.claude.deployment;

import java.util.function.BiFunction;

import org.jboss.logging.Logger;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.SimpleRemapper;

/**
 * Rewrites a class so that it uses {@code StringBuilder} wherever it used {@code StringBuffer}: same methods, no lock.
 * Only when every {@code StringBuffer} in the class is its own business (private fields and methods, calls on the
 * buffers themselves); otherwise the class is returned unchanged, since callers or callees elsewhere would no longer
 * link.
 */
final class LockFreeSseParser implements BiFunction<String, byte[], byte[]> {

    static final String SSE_PARSER = "org.jboss.resteasy.reactive.client.impl.SseParser";

    private static final Logger LOG = Logger.getLogger(LockFreeSseParser.class);
    private static final String BUFFER = "java/lang/StringBuffer";
    private static final String BUILDER = "java/lang/StringBuilder";
    private static final String BUFFER_DESCRIPTOR = "L" + BUFFER + ";";

    @Override
    public byte[] apply(String className, byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        PrivateUseCheck check = new PrivateUseCheck();
        reader.accept(check, ClassReader.SKIP_DEBUG);
        if (!check.buffersFound) {
            return bytes;
        }
        if (check.sharedWith != null) {
            LOG.debugf("%s left as it is: a StringBuffer is shared with %s", className, check.sharedWith);
            return bytes;
        }
        ClassWriter writer = new ClassWriter(0); // the frames keep their shape: one final class for another
        reader.accept(new ClassRemapper(writer, new SimpleRemapper(BUFFER, BUILDER)), 0);
        return writer.toByteArray();
    }

    private static boolean mentionsBuffer(String descriptor) {
        return descriptor != null && descriptor.contains(BUFFER_DESCRIPTOR);
    }

    /** Finds whether the class uses StringBuffer, and the first place where one crosses the class's boundary. */
    private static final class PrivateUseCheck extends ClassVisitor {
        String self;
        boolean buffersFound;
        String sharedWith;

        PrivateUseCheck() {
            super(Opcodes.ASM9);
        }

        private void shared(String where) {
            if (sharedWith == null) {
                sharedWith = where;
            }
        }

        private void member(int access, String name, String descriptor, String signature) {
            if (mentionsBuffer(descriptor) || mentionsBuffer(signature)) {
                buffersFound = true;
                if ((access & Opcodes.ACC_PRIVATE) == 0) {
                    shared("the non-private member " + name);
                }
            }
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            self = name;
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            member(access, name, descriptor, signature);
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            member(access, name, descriptor, signature);
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                    if (owner.equals(BUFFER)) {
                        buffersFound = true;
                    } else if (!owner.equals(self) && mentionsBuffer(desc)) {
                        shared(owner + "." + method);
                    }
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String field, String desc) {
                    if (!owner.equals(self) && mentionsBuffer(desc)) {
                        shared(owner + "." + field);
                    }
                }

                @Override
                public void visitInvokeDynamicInsn(String method, String desc, Handle bootstrap, Object... args) {
                    if (mentionsBuffer(desc)) {
                        shared("an invokedynamic " + method);
                    }
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    if (!type.equals(BUFFER)) {
                        return;
                    }
                    buffersFound = true;
                    if (opcode != Opcodes.NEW) {
                        shared("a cast or type test"); // of an object that may come from elsewhere
                    }
                }

                @Override
                public void visitLdcInsn(Object constant) {
                    if (constant instanceof Type type && type.getDescriptor().equals(BUFFER_DESCRIPTOR)) {
                        shared("the class literal StringBuffer.class");
                    }
                }
            };
        }
    }
}
