package io.quarkiverse.claude.it;

import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.quarkiverse.claude.ClaudeCallEvent;
import io.quarkiverse.claude.errors.ClaudeApiException;

/**
 * Adds up {@link ClaudeCallEvent}s per outcome: each attempt counts under its error class, and each call under the
 * classes it met. Thread-safe; {@link #rows()} and {@link #total()} are snapshots.
 */
final class CallTable {

    private static final Comparator<Tally> ORDER = Comparator
            .comparingInt((Tally t) -> t.status == 0 ? Integer.MAX_VALUE : t.status).thenComparing(t -> t.outcome);

    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private final Tally total = new Tally("total", 0);

    synchronized void add(ClaudeCallEvent call) {
        Set<Tally> met = new HashSet<>();
        List<ClaudeCallEvent.Attempt> failedAttempts = call.failedAttempts();
        for (int i = 0; i < failedAttempts.size(); i++) {
            ClaudeCallEvent.Attempt attempt = failedAttempts.get(i);
            boolean retried = call.succeeded() || i < failedAttempts.size() - 1 || !attempt.waitAfter().isZero();
            Tally tally = tally(attempt.outcome(), attempt.status());
            tally.attempt(retried, attempt.waitAfter().toMillis());
            total.attempt(retried, attempt.waitAfter().toMillis());
            met.add(tally);
        }
        Tally last;
        if (call.succeeded()) {
            last = tally("success", 200);
            last.attempt(false, 0);
            total.attempt(false, 0);
        } else {
            last = tally(call.outcome(), call.failure() instanceof ClaudeApiException api ? api.status() : 0);
            last.failed(call.failure());
            total.failed(call.failure());
        }
        met.add(last);
        met.forEach(tally -> tally.calls++);
        total.calls++;
        if (call.usage() != null) {
            last.billed(call);
            total.billed(call);
        }
    }

    /** @return a row per outcome: {@code success}, the error classes by status, then those without an answer */
    synchronized List<ReportRow> rows() {
        return tallies.values().stream().sorted(ORDER).map(Tally::row).toList();
    }

    synchronized ReportRow total() {
        return total.row();
    }

    private Tally tally(String outcome, int status) {
        return tallies.computeIfAbsent(outcome, o -> new Tally(o, status));
    }

    private static final class Tally {
        final String outcome;
        final int status;
        long calls, attempts, retried, waited, maxWait, failed, inputTokens, outputTokens;
        double cost;
        final Map<String, Long> failures = new TreeMap<>();

        Tally(String outcome, int status) {
            this.outcome = outcome;
            this.status = status;
        }

        void attempt(boolean wasRetried, long waitMillis) {
            attempts++;
            if (wasRetried) {
                retried++;
                waited += waitMillis;
                maxWait = Math.max(maxWait, waitMillis);
            }
        }

        void failed(Throwable failure) {
            failed++;
            failures.merge(failure.getClass().getSimpleName(), 1L, Long::sum);
        }

        void billed(ClaudeCallEvent call) {
            inputTokens += call.usage().inputTokens();
            outputTokens += call.usage().outputTokens();
            cost += call.estimatedCostUsd() == null ? 0 : call.estimatedCostUsd();
        }

        ReportRow row() {
            return new ReportRow(outcome, status, calls, attempts, retried, waited, maxWait, failed,
                    new TreeMap<>(failures), inputTokens, outputTokens, Math.round(cost * 1e8) / 1e8);
        }
    }
}
