package io.quarkiverse.claude.it;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns the extension's retry log (one WARN line per failed attempt, category {@value #CATEGORY}) down to errors
 * while the demo writes to the console, and back when closed: there the demo's own line per call shows each attempt
 * and its wait, and WARN lines between them would only break up the table. The served endpoints log as configured.
 */
final class RetryLogQuieted implements AutoCloseable {

    static final String CATEGORY = "io.quarkiverse.claude.errors";

    private final Logger logger;
    private final Level previous;

    private RetryLogQuieted(Logger logger) {
        this.logger = logger;
        this.previous = logger.getLevel();
        logger.setLevel(Level.SEVERE);
    }

    static RetryLogQuieted now() {
        return new RetryLogQuieted(Logger.getLogger(CATEGORY));
    }

    @Override
    public void close() {
        logger.setLevel(previous);
    }
}
