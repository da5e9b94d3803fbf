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
