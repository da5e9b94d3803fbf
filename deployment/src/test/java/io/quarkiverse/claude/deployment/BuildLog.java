package io.quarkiverse.claude.deployment;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.formatters.PatternFormatter;

/** What the SSE parser rewrite writes to the build log while it is open, as the lines a user would read. */
final class BuildLog extends Handler implements AutoCloseable {

    static final String SSE_PARSER_LOGGER = "io.quarkiverse.claude.sse-parser";
    private static final PatternFormatter FORMATTER = new PatternFormatter("%s");

    private final Logger logger = Logger.getLogger(SSE_PARSER_LOGGER);
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    BuildLog() {
        logger.addHandler(this);
    }

    static String format(LogRecord record) {
        return FORMATTER.formatMessage(record);
    }

    List<String> at(Level level) {
        return records.stream().filter(r -> r.getLevel().intValue() == level.intValue()).map(BuildLog::format)
                .toList();
    }

    List<String> all() {
        return records.stream().map(r -> r.getLevel() + " " + format(r)).toList();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
