package io.quarkiverse.claude.runtime.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.jboss.resteasy.reactive.client.SseEvent;
import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.errors.IncompleteStreamException;
import io.quarkiverse.claude.errors.OverloadedException;
import io.quarkiverse.claude.errors.UnexpectedResponseException;
import io.quarkiverse.claude.model.Citation;
import io.quarkiverse.claude.model.stream.ContentBlockDeltaEvent;
import io.quarkiverse.claude.model.stream.MessageStopEvent;
import io.quarkiverse.claude.model.stream.StreamDelta;
import io.quarkiverse.claude.model.stream.StreamEvent;
import io.quarkiverse.claude.model.stream.UnknownEvent;
import io.quarkiverse.claude.runtime.config.ClaudeRuntimeConfig;
import io.quarkiverse.claude.runtime.observability.CallInfo;
import io.quarkiverse.claude.runtime.rest.AnswerHandle;

/**
 * The decoder's fast paths (a known event read by its name, a known delta read without the polymorphic buffer) and
 * what they must not lose: unknown event and delta types, fields in any order, extra fields.
 */
class StreamDecoderTest {

    private final StreamDecoder decoder = new StreamDecoder(CallInfo.of("messages.stream", "claude-sonnet-4-6"),
            new AnswerHandle(), ClaudeRuntimeConfig.DEFAULT_CLIENT_NAME);

    private StreamEvent decode(String name, String data) {
        return decoder.decode(new SseEvent<String>() {
            public String id() {
                return null;
            }

            public String name() {
                return name;
            }

            public String comment() {
                return null;
            }

            public String data() {
                return data;
            }
        });
    }

    private StreamDelta delta(String deltaJson) {
        StreamEvent event = decode("content_block_delta",
                "{\"type\":\"content_block_delta\",\"index\":2,\"delta\":" + deltaJson + "}");
        ContentBlockDeltaEvent delta = assertInstanceOf(ContentBlockDeltaEvent.class, event);
        assertEquals(2, delta.index());
        return delta.delta();
    }

    @Test
    void aTextDeltaIsReadIntoItsClass() {
        StreamDelta delta = delta("{\"type\":\"text_delta\",\"text\":\"Hello\",\"future\":1}");
        assertEquals("Hello", assertInstanceOf(StreamDelta.TextDelta.class, delta).text());
        assertEquals(Map.of("future", 1), delta.extraFields());
    }

    @Test
    void aDeltaWhoseTypeIsNotFirstIsStillTyped() {
        StreamDelta delta = delta("{\"partial_json\":\"{\\\"a\\\":\",\"type\":\"input_json_delta\"}");
        assertEquals("{\"a\":", assertInstanceOf(StreamDelta.InputJsonDelta.class, delta).partialJson());
    }

    @Test
    void anUnknownDeltaKeepsItsTypeAndFields() {
        StreamDelta delta = delta("{\"type\":\"sim_future_delta\",\"citation\":{\"url\":\"u\"},\"n\":[1,2]}");
        assertInstanceOf(StreamDelta.UnknownDelta.class, delta);
        assertEquals("sim_future_delta", delta.type());
        assertEquals(Map.of("citation", Map.of("url", "u"), "n", java.util.List.of(1, 2)), delta.extraFields());
    }

    @Test
    void aCitationsDeltaIsTypedWithItsLocation() {
        StreamDelta delta = delta("{\"type\":\"citations_delta\",\"citation\":{\"type\":\"char_location\","
                + "\"cited_text\":\"Green.\",\"document_index\":0,\"start_char_index\":4,\"end_char_index\":10}}");
        Citation.CharLocation citation = assertInstanceOf(Citation.CharLocation.class,
                assertInstanceOf(StreamDelta.CitationsDelta.class, delta).citation());
        assertEquals("Green.", citation.citedText());
        assertEquals(4, citation.startCharIndex());
        assertEquals(10, citation.endCharIndex());
    }

    @Test
    void anEventIsTypedByItsDataWhenItsNameIsUnknownOrMissing() {
        assertInstanceOf(MessageStopEvent.class, decode(null, "{\"type\":\"message_stop\"}"));
        StreamEvent future = decode("future_event", "{\"type\":\"future_event\",\"x\":true}");
        assertEquals("future_event", assertInstanceOf(UnknownEvent.class, future).type());
        assertEquals(Map.of("x", true), future.extraFields());
        assertEquals("named_only", decode("named_only", "{\"y\":1}").type());
    }

    @Test
    void anEventWithoutDataGivesNothing() {
        assertNull(decode("ping", ""));
        assertNull(decode(null, null));
    }

    @Test
    void dataThatIsNotJsonFailsTheStreamAndSaysWhetherTextWasLost() {
        UnexpectedResponseException early = assertThrows(UnexpectedResponseException.class,
                () -> decode("ping", "not json"));
        assertEquals(UnexpectedResponseException.Reason.CORRUPT_EVENT, early.reason());
        assertFalse(early.contentDelivered());

        delta("{\"type\":\"text_delta\",\"text\":\"Hel\"}");
        UnexpectedResponseException late = assertThrows(UnexpectedResponseException.class,
                () -> decode("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"te"));
        assertTrue(late.contentDelivered(), "text had reached the caller before the corrupt event");
        assertEquals("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"te", late.bodyExcerpt());
        assertTrue(late.getMessage().contains("content_block_delta"), late.getMessage());
    }

    @Test
    void anErrorEventFailsWithItsTypedException() {
        decode("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                + "\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}");
        OverloadedException error = assertThrows(OverloadedException.class, () -> decode("error",
                "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"));
        assertEquals(true, error.contentDelivered());
    }

    @Test
    void aStreamWithoutMessageStopIsIncomplete() {
        decode("ping", "{\"type\":\"ping\"}");
        assertThrows(IncompleteStreamException.class, decoder::checkComplete);
        decode("message_stop", "{\"type\":\"message_stop\"}");
        decoder.checkComplete();
    }
}
