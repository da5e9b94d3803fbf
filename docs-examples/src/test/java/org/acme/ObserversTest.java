package org.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.ClaudeCallEvent;
import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.ClaudeSimulatorTestResource;
import io.quarkiverse.claude.testing.InjectClaudeSimulator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The observers of the Observability and Dev Services pages see each call, as the pages say. */
@QuarkusTest
@QuarkusTestResource(ClaudeSimulatorTestResource.class)
class ObserversTest {

    @InjectClaudeSimulator
    ClaudeSimulator simulator;

    @Inject
    ClaudeClient claude;

    @Inject
    CallStore store;

    @Test
    void theAsyncObserverStoresEachCall() throws Exception {
        simulator.reset();
        int before = store.saved().size();

        claude.ask("stored");

        ClaudeCallEvent stored = awaitStored(before + 1);
        assertEquals("<default>", stored.client());
        assertEquals("success", stored.outcome());
        assertEquals(1, stored.attempts());
    }

    @Test
    void theObserversLogOneLinePerCall() {
        simulator.reset();
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getLoggerName() + " " + String.format(record.getMessage(), record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger audit = Logger.getLogger(CallAudit.class.getName());
        Logger devMode = Logger.getLogger(CallLog.class.getName());
        audit.addHandler(handler);
        devMode.addHandler(handler);
        try {
            claude.ask("logged");
        } finally {
            audit.removeHandler(handler);
            devMode.removeHandler(handler);
        }

        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.stream().allMatch(line -> line.contains("<default> messages.create: success after 1 attempts")),
                lines.toString());
    }

    /** @ObservesAsync: the event is stored a moment after the call returns */
    private ClaudeCallEvent awaitStored(int count) throws InterruptedException {
        for (int i = 0; i < 200 && store.saved().size() < count; i++) {
            Thread.sleep(25);
        }
        assertEquals(count, store.saved().size(), "calls stored");
        return store.saved().get(count - 1);
    }
}
