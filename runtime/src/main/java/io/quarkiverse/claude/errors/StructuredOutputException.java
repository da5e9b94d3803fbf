package io.quarkiverse.claude.errors;

import java.util.Locale;
import java.util.Optional;

import io.quarkiverse.claude.model.Message;

/**
 * A structured answer that could not become the requested Java type: it was cut by {@code max_tokens}, the model
 * refused, its text is not JSON, or its JSON breaks the schema derived from the type (a required property missing, a
 * wrong type, a value the type cannot take). {@link #path()} says where, as a JSON path such as
 * {@code $.address.city}; {@link #rawText()} is the answer's text as it came; {@link #answer()} the answer itself, with
 * its usage (the answer was paid for).
 * <p>
 * Not retried by default: the API constrains the model's output to the schema, so a malformed answer is rare, and a
 * cut or a refusal would only repeat. A malformed answer ({@link Reason#NOT_JSON}, {@link Reason#SCHEMA_VIOLATION})
 * is retried when {@code quarkus.claude.resilience.structured-output.max-retries} is above 0; a cut or a refusal
 * never is.
 */
public class StructuredOutputException extends ClaudeException {

    /** What was wrong with the answer. */
    public enum Reason {
        /** The answer stopped at {@code max_tokens}: its JSON is cut. Raise {@code max_tokens}. */
        MAX_TOKENS,
        /** The model refused ({@code stop_reason: "refusal"}): the text is not the requested object. */
        REFUSAL,
        /** The text is not JSON (or there is no text). */
        NOT_JSON,
        /** The JSON does not fit the schema or the type. */
        SCHEMA_VIOLATION;

        /** @return the reason in lower case, e.g. {@code schema_violation} */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;
    private final Class<?> targetType;
    private final String path;
    private final String detail;
    private final String rawText;
    private final transient Message answer;
    private final String requestId;

    /**
     * @param reason what was wrong
     * @param targetType the type requested
     * @param path where in the JSON, e.g. {@code $.address.city} ({@code $} for the whole answer)
     * @param detail what was found there
     * @param rawText the answer's text
     * @param answer the answer
     * @param requestId the answer's {@code request-id}, or {@code null}
     */
    public StructuredOutputException(Reason reason, Class<?> targetType, String path, String detail, String rawText,
            Message answer, String requestId) {
        super(describe(reason, targetType, path, detail, answer, requestId), null);
        this.reason = reason;
        this.targetType = targetType;
        this.path = path;
        this.detail = detail;
        this.rawText = rawText == null ? "" : rawText;
        this.answer = answer;
        this.requestId = requestId;
    }

    public Reason reason() {
        return reason;
    }

    /** @return the type the answer was to be read into */
    public Class<?> targetType() {
        return targetType;
    }

    /** @return where the answer went wrong, as a JSON path ({@code $} for the whole answer) */
    public String path() {
        return path;
    }

    /** @return what was wrong there, e.g. {@code required property missing} */
    public String detail() {
        return detail;
    }

    /** @return the answer's text, as it came (not in the message, as it may hold personal data) */
    public String rawText() {
        return rawText;
    }

    /** @return the answer: its usage, stop reason and id */
    public Message answer() {
        return answer;
    }

    @Override
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** A malformed answer may come out right the next time; a cut or a refusal would repeat. */
    @Override
    public boolean isRetryable() {
        return reason == Reason.NOT_JSON || reason == Reason.SCHEMA_VIOLATION;
    }

    private static String describe(Reason reason, Class<?> type, String path, String detail, Message answer,
            String requestId) {
        StringBuilder text = new StringBuilder("Claude's answer does not fit ").append(type.getName()).append(": ")
                .append(path).append(": ").append(detail);
        text.append(" (").append(reason.label());
        if (answer != null && answer.stopReason() != null) {
            text.append(", stop_reason ").append(answer.stopReason().value());
        }
        if (requestId != null) {
            text.append(", request-id ").append(requestId);
        }
        text.append(")");
        if (reason == Reason.MAX_TOKENS) {
            text.append(". Raise max_tokens (MessageRequest.Builder.maxTokens or quarkus.claude.max-tokens).");
        }
        return text.toString();
    }
}
