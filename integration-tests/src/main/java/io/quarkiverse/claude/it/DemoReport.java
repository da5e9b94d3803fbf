package io.quarkiverse.claude.it;

import java.util.List;
import java.util.Map;

/**
 * What one run of the demo did: the table ({@link #rows()} and {@link #total()}) and, against the simulator, what the
 * server saw. Served as JSON at {@code GET /demo/report}; {@link ReportText} renders it for the terminal.
 *
 * @param target {@code simulator} or {@code real API}
 * @param scenario the simulator's fault scenario, e.g. {@code Scenario[flaky: ...]}; {@code null} for the real API
 * @param client the Claude client the run used
 * @param calls how many prompts were sent
 * @param concurrency how many at a time
 * @param elapsedMillis the run's wall-clock time
 * @param rows a row per outcome, {@code success} first
 * @param total the totals
 * @param server what the simulator answered during the run; {@code null} for the real API
 */
public record DemoReport(String target, String scenario, String client, int calls, int concurrency,
        long elapsedMillis, List<ReportRow> rows, ReportRow total, ServerView server) {

    /** @return this report with what the server saw */
    DemoReport withServer(ServerView seen) {
        return new DemoReport(target, scenario, client, calls, concurrency, elapsedMillis, rows, total, seen);
    }

    /**
     * What the simulator answered during the run.
     *
     * @param byStatus answers per HTTP status
     * @param dropped connections closed without an answer
     * @param total answers and dropped connections
     */
    public record ServerView(Map<Integer, Long> byStatus, long dropped, long total) {
    }
}
