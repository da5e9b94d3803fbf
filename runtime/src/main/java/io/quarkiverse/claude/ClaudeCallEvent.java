package io.quarkiverse.claude;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.quarkiverse.claude.errors.ClaudeApiException;
import io.quarkiverse.claude.errors.ClaudeException;
import io.quarkiverse.claude.model.Usage;

/**
 * What happened in one call of a Claude client, fired as a CDI event when the call ends (successfully or not). The
 * Dev UI, the demo and the metrics are built on it.
 * <p>
 * An {@code @Observes} observer ({@code void onCall(@Observes ClaudeCallEvent call)}) runs as the call ends, before
 * its caller sees the end (the answer, the failure, the end of the stream), on the thread that ended it:
 * <ul>
 * <li>for a blocking call ({@code messages().create}, {@code countTokens}, the {@code models()} and {@code batches()}
 * calls but {@code results}), the caller's thread;</li>
 * <li>for an asynchronous call ({@code createAsync}, {@code countTokensAsync}) and every stream ({@code stream}, also
 * in its blocking forms {@code stream(request, onText)} and {@code streamEvents}, and {@code batches().results}), the
 * thread the answer arrived on: a Vert.x event-loop thread (or the thread that timed the call out, when a timeout
 * ends it). There it must not block: a database write or a remote call there stalls every other connection of that
 * event loop.</li>
 * </ul>
 * Keep such observers quick. For slow work, observe the event asynchronously,
 * {@code void onCall(@ObservesAsync ClaudeCallEvent call)}: such an observer runs later, on a worker thread, where it
 * may block.
 *
 * @param client the client's name ({@code <default>} for the default client)
 * @param operation e.g. {@code messages.create}, {@code messages.stream}, {@code messages.count_tokens},
 *        {@code models.list}, {@code batches.create}
 * @param model the model the request named, or {@code null} for calls without one
 * @param start when the call began
 * @param duration the whole call: every attempt and every wait
 * @param failedAttempts the attempts that failed, in order, with the wait taken after each that was retried
 * @param failure the failure the caller got, or {@code null} when the call succeeded
 * @param usage the tokens billed, when the answer reported them
 * @param responseModel the model that answered, as the API names it
 * @param messageId the id of the answer
 * @param estimatedCostUsd the estimated cost in US dollars, from the catalogue prices, or {@code null} when unknown
 * @param answerRequestId the {@code request-id} header of the answer of a call that succeeded, or {@code null}
 *        (see {@link #requestId()}, which also gives a failure's)
 */
public record ClaudeCallEvent(String client, String operation, String model, Instant start, Duration duration,
        List<Attempt> failedAttempts, Throwable failure, Usage usage, String responseModel, String messageId,
        Double estimatedCostUsd, String answerRequestId) {

    /** An event without the answer's request id, as before it was recorded. */
    public ClaudeCallEvent(String client, String operation, String model, Instant start, Duration duration,
            List<Attempt> failedAttempts, Throwable failure, Usage usage, String responseModel, String messageId,
            Double estimatedCostUsd) {
        this(client, operation, model, start, duration, failedAttempts, failure, usage, responseModel, messageId,
                estimatedCostUsd, null);
    }

    /**
     * One failed attempt.
     *
     * @param outcome the error class (e.g. {@code rate_limit_error}) or the exception's simple name
     * @param status the HTTP status, or 0 when there was no answer
     * @param waitAfter how long the call waited before the next attempt; zero when it was not retried
     */
    public record Attempt(String outcome, int status, Duration waitAfter) {
    }

    public boolean succeeded() {
        return failure == null;
    }

    /** @return how many attempts were sent */
    public int attempts() {
        return failedAttempts.size() + (succeeded() ? 1 : 0);
    }

    /** @return the time spent waiting between attempts */
    public Duration totalWait() {
        return failedAttempts.stream().map(Attempt::waitAfter).reduce(Duration.ZERO, Duration::plus);
    }

    /** @return {@code success}, or the error class of the failure (e.g. {@code overloaded_error}) */
    public String outcome() {
        return failure == null ? "success" : outcomeOf(failure);
    }

    /**
     * @return the API's request id of the call, to quote to Anthropic's support: of the answer that succeeded, or of
     *         the failure, when the API gave one
     */
    public Optional<String> requestId() {
        if (failure != null) {
            return failure instanceof ClaudeException claude ? claude.requestId() : Optional.empty();
        }
        return Optional.ofNullable(answerRequestId);
    }

    /** @return the error class of a failure: its {@code error.type}, else the exception's simple name */
    public static String outcomeOf(Throwable failure) {
        if (failure instanceof ClaudeApiException api && api.errorType() != null) {
            return api.errorType();
        }
        return failure.getClass().getSimpleName();
    }
}
