package io.quarkiverse.claude.it;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/** What the application's log shows while a test runs: every record that reaches the root logger, until closed. */
final class CapturedLogs implements AutoCloseable {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private CapturedLogs() {
        handler.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(handler);
    }

    static CapturedLogs start() {
        return new CapturedLogs();
    }

    List<LogRecord> records() {
        return records;
    }

    /** @return the records at ERROR (SEVERE) or above, as text */
    List<String> errors() {
        return records.stream().filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(CapturedLogs::text).toList();
    }

    /**
     * @return the records at ERROR or above, but for the one the REST Client can log when the client cuts an attempt at
     *         its timeout: the client resets the request, and when the reset fails the REST Client's own Uni after
     *         it was cancelled (a race inside its {@code UniInvoker}), Mutiny logs the failure it drops, a
     *         {@code StreamResetException: Stream reset: 0}
     */
    List<String> errorsButTheRestClientsDroppedReset() {
        return records.stream().filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(r -> !(r.getLoggerName().equals("io.quarkus.mutiny.runtime.MutinyInfrastructure")
                        && r.getThrown() instanceof io.vertx.core.http.StreamResetException reset
                        && reset.getCode() == 0))
                .map(CapturedLogs::text).toList();
    }

    /** @return everything captured, one record a line */
    String all() {
        return String.join("\n", records.stream().map(CapturedLogs::text).toList());
    }

    void clear() {
        records.clear();
    }

    /** @return the level, logger and message of a record, its parameters filled in */
    static String text(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage()
                : record.getParameters() == null ? record.getMessage()
                        : record.getMessage() + " " + Arrays.toString(record.getParameters());
        return record.getLevel() + " " + record.getLoggerName() + ": " + message;
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
    }
}
