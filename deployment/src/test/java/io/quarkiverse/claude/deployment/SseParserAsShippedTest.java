package io.quarkiverse.claude.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.jboss.resteasy.reactive.client.impl.SseParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * With {@code quarkus.claude.sse-parser.lock-free=false} the SSE parser is the one Quarkus ships, and the build log
 * says nothing about a rewrite.
 */
class SseParserAsShippedTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.claude.api-key", "sk-ant-api03-sse-parser-test")
            .overrideConfigKey("quarkus.claude.sse-parser.lock-free", "false")
            .setLogRecordPredicate(r -> BuildLog.SSE_PARSER_LOGGER.equals(r.getLoggerName()))
            .assertLogRecords(records -> assertEquals(List.of(), records.stream().map(BuildLog::format).toList()));

    @Test
    void theParserIsUntouched() throws Exception {
        for (String field : List.of("dataBuffer", "nameBuffer", "valueBuffer", "commentBuffer")) {
            assertEquals(StringBuffer.class, SseParser.class.getDeclaredField(field).getType(), field);
        }
    }
}
