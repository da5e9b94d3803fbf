package io.quarkiverse.claude.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.quarkiverse.claude.deployment.config.ClaudeBuildTimeConfig;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.BytecodeTransformerBuildItem;
import io.quarkus.deployment.builditem.LiveReloadBuildItem;

/**
 * Takes the locks out of the REST Client's SSE parser ({@code quarkus.claude.sse-parser.lock-free}): it appends every
 * character of a stream to a {@code StringBuffer}, and those per-character locks were over 40 % of the CPU of decoding
 * a streamed answer. The parser is rewritten for the whole application, so the build log says whether it was, once
 * per build (not again on each live reload).
 */
class SseParserProcessor {

    static final Logger LOG = Logger.getLogger("io.quarkiverse.claude.sse-parser");

    @BuildStep
    void lockFreeSseParser(ClaudeBuildTimeConfig config, LiveReloadBuildItem liveReload,
            BuildProducer<BytecodeTransformerBuildItem> transformers) {
        if (!config.sseParserLockFree()) {
            return;
        }
        byte[] parser;
        try {
            parser = classBytes(LockFreeSseParser.SSE_PARSER);
        } catch (IOException e) {
            LOG.warn(leftAlone(LockFreeSseParser.SSE_PARSER, "it could not be read (" + e + ")"));
            return;
        }
        if (parser == null) {
            LOG.debugf("%s is not on the class path: no SSE parser to rewrite", LockFreeSseParser.SSE_PARSER);
            return;
        }
        lockFree(LockFreeSseParser.SSE_PARSER, parser, !liveReload.isLiveReload()).ifPresent(transformers::produce);
    }

    /**
     * Checks one class and tells the build log what becomes of it.
     *
     * @param report whether to log the outcome at INFO or WARN (false on a live reload, which has said it before)
     * @return the transformer that rewrites the class, when it is safe to
     */
    static Optional<BytecodeTransformerBuildItem> lockFree(String className, byte[] bytes, boolean report) {
        StringBufferSwapCheck.Verdict verdict = StringBufferSwapCheck.check(bytes);
        if (!verdict.usesBuffers()) {
            LOG.debugf("%s uses no StringBuffer: nothing to rewrite", className);
            return Optional.empty();
        }
        if (!verdict.swappable()) {
            if (report) {
                LOG.warn(leftAlone(className, verdict.obstacle()));
            }
            return Optional.empty();
        }
        if (report) {
            LOG.info(className + " is rewritten to use StringBuilder instead of StringBuffer, so parsing server-sent"
                    + " events takes no lock per character. This is app-wide: it applies to every SSE client of the"
                    + " application, not only Claude's. quarkus.claude.sse-parser.lock-free=false turns it off.");
        }
        return Optional.of(new BytecodeTransformerBuildItem.Builder()
                .setClassToTransform(className)
                .setInputTransformer(new LockFreeSseParser())
                .setCacheable(true)
                .build());
    }

    static String leftAlone(String className, String obstacle) {
        return className + " is left as it is, without the lock-free rewrite (quarkus.claude.sse-parser.lock-free): "
                + obstacle + ". Server-sent events still work, only without the rewrite.";
    }

    private static byte[] classBytes(String className) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream(className.replace('.', '/') + ".class")) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
