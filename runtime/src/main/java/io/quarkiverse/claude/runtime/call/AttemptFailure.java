package io.quarkiverse.claude.runtime.call;

/**
 * What one failed attempt tells the guard: the failure, whether to retry, and how long to wait first. The guard's
 * retry predicate and backoff strategy read it; it never reaches a caller ({@link CallBudget#outcome} unwraps it).
 */
final class AttemptFailure extends RuntimeException {

    private final transient CallBudget budget;
    private final boolean retry;
    private final long waitMillis;
    private final String note;

    AttemptFailure(CallBudget budget, Throwable failure, boolean retry, long waitMillis) {
        this(budget, failure, retry, waitMillis, null);
    }

    /** @param note why a retry the class would have had was not taken, or {@code null} */
    AttemptFailure(CallBudget budget, Throwable failure, boolean retry, long waitMillis, String note) {
        super(failure.getMessage(), failure, false, false);
        this.budget = budget;
        this.retry = retry;
        this.waitMillis = waitMillis;
        this.note = note;
    }

    String note() {
        return note;
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
