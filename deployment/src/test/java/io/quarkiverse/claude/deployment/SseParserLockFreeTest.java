package io.quarkiverse.claude.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.jboss.resteasy.reactive.client.impl.SseParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** By default the REST Client's SSE parser that the application runs holds StringBuilders, not StringBuffers. */
class SseParserLockFreeTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.claude.api-key", "sk-ant-api03-sse-parser-test");

    @Test
    void theParsersBuffersTakeNoLocks() throws Exception {
        for (String field : List.of("dataBuffer", "nameBuffer", "valueBuffer", "commentBuffer")) {
            assertEquals(StringBuilder.class, SseParser.class.getDeclaredField(field).getType(), field);
        }
    }
}
