package io.quarkiverse.claude.deployment;

import java.util.Set;

/**
 * The allowed list of the StringBuffer-to-StringBuilder rewrite: the {@code StringBuffer} methods and constructors a
 * class may call and still be given {@code StringBuilder}s. Each is written as the call reads once the rewrite has
 * swapped the types, and each exists on {@code StringBuilder} of Java 17 with exactly that name and descriptor and does
 * what the {@code StringBuffer} one does, without the lock. A call missing here is not known to link after the swap
 * ({@code StringBuffer.append(StringBuffer)} becomes {@code StringBuilder.append(StringBuilder)}, which does not
 * exist), so it stops the rewrite.
 */
final class StringBuilderMethods {

    private static final String BUILDER = "Ljava/lang/StringBuilder;";
    private static final String STRING = "Ljava/lang/String;";
    private static final String CHARS = "Ljava/lang/CharSequence;";

    static final Set<String> ALLOWED = Set.of(
            "<init>()V",
            "<init>(I)V",
            "<init>(" + STRING + ")V",
            "<init>(" + CHARS + ")V",
            "append(Ljava/lang/Object;)" + BUILDER,
            "append(" + STRING + ")" + BUILDER,
            "append(" + CHARS + ")" + BUILDER,
            "append(" + CHARS + "II)" + BUILDER,
            "append([C)" + BUILDER,
            "append([CII)" + BUILDER,
            "append(Z)" + BUILDER,
            "append(C)" + BUILDER,
            "append(I)" + BUILDER,
            "append(J)" + BUILDER,
            "append(F)" + BUILDER,
            "append(D)" + BUILDER,
            "appendCodePoint(I)" + BUILDER,
            "insert(ILjava/lang/Object;)" + BUILDER,
            "insert(I" + STRING + ")" + BUILDER,
            "insert(I" + CHARS + ")" + BUILDER,
            "insert(I" + CHARS + "II)" + BUILDER,
            "insert(I[C)" + BUILDER,
            "insert(I[CII)" + BUILDER,
            "insert(IZ)" + BUILDER,
            "insert(IC)" + BUILDER,
            "insert(II)" + BUILDER,
            "insert(IJ)" + BUILDER,
            "insert(IF)" + BUILDER,
            "insert(ID)" + BUILDER,
            "delete(II)" + BUILDER,
            "deleteCharAt(I)" + BUILDER,
            "replace(II" + STRING + ")" + BUILDER,
            "reverse()" + BUILDER,
            "setLength(I)V",
            "setCharAt(IC)V",
            "ensureCapacity(I)V",
            "trimToSize()V",
            "length()I",
            "capacity()I",
            "isEmpty()Z",
            "charAt(I)C",
            "codePointAt(I)I",
            "codePointBefore(I)I",
            "codePointCount(II)I",
            "offsetByCodePoints(II)I",
            "getChars(II[CI)V",
            "indexOf(" + STRING + ")I",
            "indexOf(" + STRING + "I)I",
            "lastIndexOf(" + STRING + ")I",
            "lastIndexOf(" + STRING + "I)I",
            "substring(I)" + STRING,
            "substring(II)" + STRING,
            "subSequence(II)" + CHARS,
            "chars()Ljava/util/stream/IntStream;",
            "codePoints()Ljava/util/stream/IntStream;",
            "compareTo(" + BUILDER + ")I",
            "toString()" + STRING);

    private StringBuilderMethods() {
    }

    /**
     * @param name a method name, or {@code <init>}
     * @param descriptor its descriptor with StringBuffer already swapped for StringBuilder
     */
    static boolean allowed(String name, String descriptor) {
        return ALLOWED.contains(name + descriptor);
    }
}
