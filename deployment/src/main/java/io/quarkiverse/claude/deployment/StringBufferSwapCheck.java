package io.quarkiverse.claude.deployment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Decides whether a class may have its {@code StringBuffer}s swapped for {@code StringBuilder}s, by an allowed list:
 * the swap goes ahead only when every use of the type is one of the few known to stay valid once it is swapped.
 * <ul>
 * <li>a call on a buffer is a {@code new} or a method on {@link StringBuilderMethods#ALLOWED};</li>
 * <li>a field holding one is a private instance field of exactly that type: its value is this object's own, not
 * shared between instances or threads by the class;</li>
 * <li>a method taking or returning one is private, and a call or field access mentioning the type stays within this
 * class and targets a member it declares itself (a member it inherits keeps its declaration elsewhere);</li>
 * <li>no other class can see those private members (no nest mates) and nothing else mentions the type: no cast,
 * type test, array, class literal, method handle or invokedynamic.</li>
 * </ul>
 * Anything else is the first obstacle, named in the verdict, and the class must be left as it is. Frames and local
 * variables need no check: they hold what these instructions put there, and the rewrite swaps them alike. A buffer
 * handed on typed as one of its supertypes ({@code CharSequence}, {@code Object}) is not followed, as that takes a
 * data-flow analysis: it still links, and only code that tests for {@code StringBuffer} could tell the difference.
 */
final class StringBufferSwapCheck extends ClassVisitor {

    static final String BUFFER = "java/lang/StringBuffer";
    static final String BUILDER = "java/lang/StringBuilder";
    private static final String BUFFER_DESCRIPTOR = "L" + BUFFER + ";";
    private static final String BUILDER_DESCRIPTOR = "L" + BUILDER + ";";

    /**
     * What the check found.
     *
     * @param usesBuffers whether the class mentions StringBuffer at all
     * @param obstacle the first use that rules the swap out, in words, or null
     */
    record Verdict(boolean usesBuffers, String obstacle) {

        boolean swappable() {
            return usesBuffers && obstacle == null;
        }
    }

    static Verdict check(byte[] classBytes) {
        StringBufferSwapCheck check = new StringBufferSwapCheck();
        new ClassReader(classBytes).accept(check, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new Verdict(check.usesBuffers, check.obstacle);
    }

    /** A call or field access on this class that mentions StringBuffer: known safe once the class declares it. */
    private record OwnMemberUse(String where, String name, String descriptor, boolean field) {
    }

    private String self;
    private boolean usesBuffers;
    private String obstacle;
    private String nestMate;
    private final Set<String> declaredMembers = new HashSet<>();
    private final List<OwnMemberUse> ownMemberUses = new ArrayList<>();

    private StringBufferSwapCheck() {
        super(Opcodes.ASM9);
    }

    private void obstacle(String found) {
        if (obstacle == null) {
            obstacle = found;
        }
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        self = name;
    }

    @Override
    public void visitNestHost(String nestHost) {
        nestMate = Type.getObjectType(nestHost).getClassName();
    }

    @Override
    public void visitNestMember(String nestMember) {
        if (nestMate == null) {
            nestMate = Type.getObjectType(nestMember).getClassName();
        }
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        declaredMembers.add(name + ":" + descriptor);
        if (!mentionsBuffer(descriptor) && !mentionsBuffer(signature)) {
            return null;
        }
        usesBuffers = true;
        String field = "field " + name;
        if (!descriptor.equals(BUFFER_DESCRIPTOR) || signature != null) {
            obstacle(field + " is a " + Type.getType(descriptor).getClassName()
                    + (signature == null ? "" : " (" + signature + ")") + ", not a plain StringBuffer");
        } else if ((access & Opcodes.ACC_PRIVATE) == 0) {
            obstacle(field + " is a StringBuffer that is not private, so other classes may use it");
        } else if ((access & Opcodes.ACC_STATIC) != 0) {
            obstacle(field + " is a static StringBuffer, shared by every instance and perhaps by several threads");
        }
        return null;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
            String[] exceptions) {
        declaredMembers.add(name + descriptor);
        String method = name.equals("<init>") ? "the constructor " + describe(name, descriptor).substring(6)
                : "method " + describe(name, descriptor);
        if (mentionsBuffer(descriptor) || mentionsBuffer(signature)) {
            usesBuffers = true;
            if ((access & Opcodes.ACC_PRIVATE) == 0) {
                obstacle(method + " takes or returns a StringBuffer and is not private, so other classes may call it");
            }
        }
        return new InstructionCheck(method);
    }

    @Override
    public void visitEnd() {
        for (OwnMemberUse use : ownMemberUses) {
            String member = use.field ? use.name + ":" + use.descriptor : use.name + use.descriptor;
            if (!declaredMembers.contains(member)) {
                String used = use.field ? "the field " + use.name : describe(use.name, use.descriptor);
                obstacle(use.where + " uses " + used + ", which it inherits: its declaration elsewhere would keep"
                        + " StringBuffer");
            }
        }
        if (usesBuffers && nestMate != null) {
            obstacle("the class shares its private members with its nest mate " + nestMate
                    + ", which would still expect StringBuffer");
        }
    }

    /** Checks the instructions of one method, named {@code where} in what it reports. */
    private final class InstructionCheck extends MethodVisitor {

        private final String where;

        InstructionCheck(String where) {
            super(Opcodes.ASM9);
            this.where = where;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (owner.equals(BUFFER)) {
                usesBuffers = true;
                boolean constructor = name.equals("<init>");
                boolean plainCall = opcode == (constructor ? Opcodes.INVOKESPECIAL : Opcodes.INVOKEVIRTUAL);
                if (!plainCall || !StringBuilderMethods.allowed(name, swapped(descriptor))) {
                    obstacle(where + " calls " + call(owner, name, descriptor)
                            + ", which is not on the rewrite's list of StringBuilder methods");
                }
            } else if (mentionsBuffer(owner) || mentionsBuffer(descriptor)) {
                usesBuffers = true;
                if (owner.equals(self)) {
                    ownMemberUses.add(new OwnMemberUse(where, name, descriptor, false));
                } else {
                    obstacle(where + " passes or takes a StringBuffer calling " + call(owner, name, descriptor));
                }
            }
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            if (!mentionsBuffer(descriptor)) {
                return;
            }
            usesBuffers = true;
            if (owner.equals(self)) {
                ownMemberUses.add(new OwnMemberUse(where, name, descriptor, true));
            } else {
                obstacle(where + " uses the StringBuffer field " + Type.getObjectType(owner).getClassName() + "."
                        + name);
            }
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            if (!mentionsBuffer(type)) {
                return;
            }
            usesBuffers = true;
            if (opcode == Opcodes.NEW) {
                return; // the constructor call that follows is checked like any other call
            }
            obstacle(where + switch (opcode) {
                case Opcodes.CHECKCAST -> " casts a value to " + Type.getObjectType(type).getClassName();
                case Opcodes.INSTANCEOF -> " tests whether a value is a " + Type.getObjectType(type).getClassName();
                default -> " creates an array of " + Type.getObjectType(type).getClassName();
            });
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            if (mentionsBuffer(descriptor)) {
                usesBuffers = true;
                obstacle(where + " creates an array of StringBuffer");
            }
        }

        @Override
        public void visitLdcInsn(Object value) {
            if (constantMentionsBuffer(value)) {
                usesBuffers = true;
                obstacle(where + " uses StringBuffer in a constant (a class literal or a method handle or type)");
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            if (mentionsBuffer(descriptor) || constantMentionsBuffer(bootstrap)
                    || Stream.of(arguments).anyMatch(StringBufferSwapCheck::constantMentionsBuffer)) {
                usesBuffers = true;
                obstacle(where + " hands a StringBuffer to an invokedynamic (a lambda, a method reference or a"
                        + " string concatenation)");
            }
        }
    }

    /** Whether a descriptor, a signature or an internal name refers to StringBuffer (alone or in an array). */
    private static boolean mentionsBuffer(String text) {
        return text != null && (text.equals(BUFFER) || text.contains(BUFFER_DESCRIPTOR));
    }

    /** Whether a constant of the pool (a type, a method handle, a dynamic constant) refers to StringBuffer. */
    private static boolean constantMentionsBuffer(Object constant) {
        if (constant instanceof Type type) {
            return mentionsBuffer(type.getDescriptor());
        }
        if (constant instanceof Handle handle) {
            return mentionsBuffer(handle.getOwner()) || mentionsBuffer(handle.getDesc());
        }
        if (constant instanceof ConstantDynamic dynamic) {
            if (mentionsBuffer(dynamic.getDescriptor()) || constantMentionsBuffer(dynamic.getBootstrapMethod())) {
                return true;
            }
            for (int i = 0; i < dynamic.getBootstrapMethodArgumentCount(); i++) {
                if (constantMentionsBuffer(dynamic.getBootstrapMethodArgument(i))) {
                    return true;
                }
            }
        }
        return false; // a String or a number: text, not a reference to the type
    }

    private static String swapped(String descriptor) {
        return descriptor.replace(BUFFER_DESCRIPTOR, BUILDER_DESCRIPTOR);
    }

    /** {@code java.lang.StringBuffer.append(java.lang.StringBuffer)}, {@code new java.lang.StringBuffer(int)}. */
    private static String call(String owner, String name, String descriptor) {
        String type = Type.getObjectType(owner).getClassName();
        return name.equals("<init>") ? "new " + type + describe(name, descriptor).substring(6)
                : type + "." + describe(name, descriptor);
    }

    /** {@code append(java.lang.StringBuffer)}: a member as a reader of Java knows it. */
    static String describe(String name, String descriptor) {
        if (descriptor.charAt(0) != '(') {
            return name;
        }
        return name + Stream.of(Type.getArgumentTypes(descriptor)).map(Type::getClassName)
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
