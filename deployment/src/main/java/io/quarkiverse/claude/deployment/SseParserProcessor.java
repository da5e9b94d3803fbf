package io.quarkiverse.claude.deployment;

import io.quarkiverse.claude.deployment.config.ClaudeBuildTimeConfig;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.BytecodeTransformerBuildItem;

/**
 * Takes the locks out of the REST Client's SSE parser ({@code quarkus.claude.sse-parser.lock-free}): it appends every
 * character of a stream to a {@code StringBuffer}, and those per-character locks were over 40 % of the CPU of decoding
 * a streamed answer.
 */
class SseParserProcessor {

    @BuildStep
    void lockFreeSseParser(ClaudeBuildTimeConfig config, BuildProducer<BytecodeTransformerBuildItem> transformers) {
        if (config.sseParserLockFree()) {
            transformers.produce(new BytecodeTransformerBuildItem.Builder()
                    .setClassToTransform(LockFreeSseParser.SSE_PARSER)
                    .setInputTransformer(new LockFreeSseParser())
                    .setCacheable(true)
                    .build());
        }
    }
}
