package io.quarkiverse.claude.runtime;

/**
 * What one failed attempt tells the guard: the failure, whether to retry, and how long to wait first. The guard's
 * retry predicate and backoff strategy read it; it never reaches a caller ({@link CallBudget#outcome} unwraps it).
 */
final class AttemptFailure extends RuntimeException {

    private final transient CallBudget budget;
    private final boolean retry;
    private final long waitMillis;

    AttemptFailure(CallBudget budget, Throwable failure, boolean retry, long waitMillis) {
        super(failure.getMessage(), failure, false, false);
        this.budget = budget;
        this.retry = retry;
        this.waitMillis = waitMillis;
    }

    /** @return the typed failure of the attempt */
    Throwable failure() {
        return getCause();
    }

    boolean retry() {
        return retry;
    }

    long waitMillis() {
        return waitMillis;
    }

    CallBudget budget() {
        return budget;
    }
}
