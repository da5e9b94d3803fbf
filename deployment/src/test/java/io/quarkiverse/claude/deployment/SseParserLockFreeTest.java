package io.quarkiverse.claude.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.logging.Level;

import jakarta.inject.Inject;

import org.jboss.resteasy.reactive.client.impl.SseParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkus.test.QuarkusUnitTest;

/**
 * By default the REST Client's SSE parser that the application runs holds StringBuilders, not StringBuffers, the build
 * log says so once, and a streamed answer (from the Dev Services simulator) comes through it whole.
 */
class SseParserLockFreeTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.claude.model", "claude-sonnet-4-6")
            .setLogRecordPredicate(r -> BuildLog.SSE_PARSER_LOGGER.equals(r.getLoggerName()))
            .assertLogRecords(records -> {
                assertEquals(List.of(Level.INFO.getName() + " " + SseParser.class.getName() + " is rewritten to use"
                        + " StringBuilder instead of StringBuffer, so parsing server-sent events takes no lock per"
                        + " character. This is app-wide: it applies to every SSE client of the application, not"
                        + " only Claude's. quarkus.claude.sse-parser.lock-free=false turns it off."),
                        records.stream().map(r -> r.getLevel().getName() + " " + BuildLog.format(r)).toList());
            });

    @Inject
    ClaudeClient claude;

    @Test
    void theParsersBuffersTakeNoLocks() throws Exception {
        for (String field : List.of("dataBuffer", "nameBuffer", "valueBuffer", "commentBuffer")) {
            assertEquals(StringBuilder.class, SseParser.class.getDeclaredField(field).getType(), field);
        }
    }

    @Test
    void aStreamedAnswerComesThroughTheRewrittenParser() {
        StringBuilder text = new StringBuilder();
        claude.messages().stream(MessageRequest.of("stream through the rewritten parser, héllo"), text::append);
        assertEquals("Echo: stream through the rewritten parser, héllo", text.toString());
    }
}
