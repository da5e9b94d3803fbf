package io.quarkiverse.claude.it;

import java.util.Map;

/**
 * One line of the demo's table: what the calls of a run met for one outcome (an error class such as
 * {@code rate_limit_error}, an exception's name such as {@code ClaudeConnectionException}, or {@code success}), or the
 * totals.
 *
 * @param outcome {@code success}, the error class, or {@code total}
 * @param status the HTTP status of that outcome; 0 when there was no answer (or for the totals)
 * @param calls the calls that met this outcome at least once (for the totals: every call)
 * @param attempts the attempts that ended with this outcome
 * @param retried of those, the attempts the client retried
 * @param waitedMillis the time waited before those retries, honouring {@code retry-after} or backing off
 * @param maxWaitMillis the longest of those waits
 * @param failed the calls whose caller got this outcome as their exception
 * @param failures the typed exceptions those callers got, by simple name, with how many of each
 * @param inputTokens the input tokens billed (answered calls only)
 * @param outputTokens the output tokens billed
 * @param costUsd the estimated cost in US dollars
 */
public record ReportRow(String outcome, int status, long calls, long attempts, long retried, long waitedMillis,
        long maxWaitMillis, long failed, Map<String, Long> failures, long inputTokens, long outputTokens,
        double costUsd) {
}
