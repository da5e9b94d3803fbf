package io.quarkiverse.claude.deployment;

import java.util.function.BiFunction;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.SimpleRemapper;

/**
 * Rewrites a class so that it uses {@code StringBuilder} wherever it used {@code StringBuffer}: same methods, no lock.
 * Only a class that {@link StringBufferSwapCheck} finds swappable is rewritten; any other is returned unchanged, and
 * the reason goes to the build log.
 */
final class LockFreeSseParser implements BiFunction<String, byte[], byte[]> {

    static final String SSE_PARSER = "org.jboss.resteasy.reactive.client.impl.SseParser";

    @Override
    public byte[] apply(String className, byte[] bytes) {
        StringBufferSwapCheck.Verdict verdict = StringBufferSwapCheck.check(bytes);
        if (!verdict.swappable()) {
            // The build step checked the class before registering this transformer; this is reached only when the
            // bytes changed since (another transformer ran first), so the build log has not explained it yet.
            if (verdict.usesBuffers()) {
                SseParserProcessor.LOG.warn(SseParserProcessor.leftAlone(className, verdict.obstacle()));
            }
            return bytes;
        }
        ClassWriter writer = new ClassWriter(0); // the frames keep their shape: one final class for another
        new ClassReader(bytes).accept(new ClassRemapper(writer,
                new SimpleRemapper(StringBufferSwapCheck.BUFFER, StringBufferSwapCheck.BUILDER)), 0);
        return writer.toByteArray();
    }
}
