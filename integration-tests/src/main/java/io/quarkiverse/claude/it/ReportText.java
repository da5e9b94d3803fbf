package io.quarkiverse.claude.it;

import java.util.Locale;
import java.util.stream.Collectors;

/** The demo's table as plain text, for the terminal and for {@code GET /demo/report.txt}. */
final class ReportText {

    private static final String FORMAT = "%-29s %5s %8s %7s %9s %8s  %-27s %13s %9s%n";
    private static final String RULE = String.format(FORMAT, "-".repeat(29), "-".repeat(5), "-".repeat(8),
            "-".repeat(7), "-".repeat(9), "-".repeat(8), "-".repeat(27), "-".repeat(13), "-".repeat(9));

    private ReportText() {
    }

    static String render(DemoReport report) {
        StringBuilder out = new StringBuilder();
        if (report.scenario() != null) {
            out.append("Simulator scenario: ").append(report.scenario()).append('\n');
        }
        out.append(String.format(Locale.ROOT, "%d calls, %d at a time, through the client \"%s\" against the %s, in %.1f s%n%n",
                report.calls(), report.concurrency(), report.client(), report.target(), report.elapsedMillis() / 1000.0));
        out.append(String.format(Locale.ROOT, FORMAT, "outcome", "calls", "attempts", "retried", "waited", "max wait",
                "failed with", "tokens in/out", "cost USD"));
        out.append(RULE);
        report.rows().forEach(row -> out.append(line(row)));
        out.append(RULE);
        out.append(line(report.total()));
        if (report.server() != null) {
            DemoReport.ServerView server = report.server();
            out.append(String.format(Locale.ROOT, "%nThe simulator saw %d requests: %s%s; the client counted %d attempts.%n",
                    server.total(),
                    server.byStatus().entrySet().stream().map(e -> e.getValue() + " x " + e.getKey())
                            .collect(Collectors.joining(", ")),
                    server.dropped() == 0 ? "" : ", " + server.dropped() + " dropped connection" + (server.dropped() == 1 ? "" : "s"),
                    report.total().attempts()));
        }
        return out.toString();
    }

    private static String line(ReportRow row) {
        boolean total = row.outcome().equals("total");
        String outcome = total || row.status() == 0 ? row.outcome() : row.status() + " " + row.outcome();
        String failed = row.failed() == 0 ? "-"
                : total ? Long.toString(row.failed())
                        : row.failures().entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, FORMAT, outcome, row.calls(), row.attempts(), dash(row.retried()),
                seconds(row.waitedMillis()), seconds(row.maxWaitMillis()), failed,
                row.inputTokens() + row.outputTokens() == 0 ? "-" : row.inputTokens() + "/" + row.outputTokens(),
                row.costUsd() == 0 ? "-" : String.format(Locale.ROOT, "%.5f", row.costUsd()));
    }

    private static String dash(long n) {
        return n == 0 ? "-" : Long.toString(n);
    }

    private static String seconds(long millis) {
        return millis == 0 ? "-" : String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
    }
}
