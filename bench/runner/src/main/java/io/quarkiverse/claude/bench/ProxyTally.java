package io.quarkiverse.claude.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the recording proxy saw of one storm run (sections {@code storm} and {@code storm-replicas}).
 *
 * @param attempts every attempt
 * @param s429 attempts answered 429
 * @param s529 attempts answered 529
 * @param other attempts answered neither 200, 429 nor 529 (or not at all)
 * @param early attempts that arrived less than the {@code retry-after} after the proxy sent the same call's 429
 * @param admitted attempts that took a token of the bucket (answered 200 or 529)
 */
record ProxyTally(long attempts, long s429, long s529, long other, long early, long admitted) {

    static ProxyTally of(List<RecordingProxy.Attempt> attempts) {
        Map<String, List<RecordingProxy.Attempt>> chains = attempts.stream()
                .collect(Collectors.groupingBy(RecordingProxy.Attempt::callId));
        long early = 0;
        for (List<RecordingProxy.Attempt> chain : chains.values()) {
            chain.sort((a, b) -> Long.compare(a.arrivedNanos(), b.arrivedNanos()));
            for (int k = 0; k + 1 < chain.size(); k++) {
                RecordingProxy.Attempt a = chain.get(k);
                long gap = chain.get(k + 1).arrivedNanos() - a.answeredNanos();
                if (a.retryAfterMs() > 0 && gap < a.retryAfterMs() * 1_000_000L) {
                    early++;
                    System.out.printf(Locale.ROOT, "early retry in %s: %.1f ms after a %d with retry-after %d ms%n",
                            a.callId(), gap / 1e6, a.status(), a.retryAfterMs());
                }
            }
        }
        return new ProxyTally(attempts.size(), count(attempts, 429), count(attempts, 529),
                attempts.stream().filter(a -> a.status() != 200 && a.status() != 429 && a.status() != 529).count(),
                early, count(attempts, 200) + count(attempts, 529));
    }

    private static long count(List<RecordingProxy.Attempt> attempts, int status) {
        return attempts.stream().filter(a -> a.status() == status).count();
    }
}
