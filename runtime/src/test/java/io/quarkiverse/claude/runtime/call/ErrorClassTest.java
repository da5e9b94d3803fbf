package io.quarkiverse.claude.runtime.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.errors.IncompleteStreamException;

/** Which budget a failure is retried on, where no server is needed to tell. */
class ErrorClassTest {

    @Test
    void aStreamThatEndedBeforeAnyContentIsRetriedAsAConnectionDroppedBeforeIt() {
        assertEquals(ErrorClass.CONNECTION, ErrorClass.of(new IncompleteStreamException(0, false)));
    }

    @Test
    void aStreamThatEndedAfterPartOfTheAnswerReachedTheCallerIsNeverRetried() {
        assertNull(ErrorClass.of(new IncompleteStreamException(5, true)));
    }
}
