package io.quarkiverse.claude.model.batch;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkiverse.claude.model.JsonExtensible;

/** A Message Batch, as the API describes it: its processing status and how many requests ended which way. */
public final class MessageBatch extends JsonExtensible {

    public static final String IN_PROGRESS = "in_progress";
    public static final String CANCELING = "canceling";
    public static final String ENDED = "ended";

    @JsonProperty("id")
    private String id;
    @JsonProperty("type")
    private String type;
    @JsonProperty("processing_status")
    private String processingStatus;
    @JsonProperty("request_counts")
    private RequestCounts requestCounts;
    @JsonProperty("created_at")
    private String createdAt;
    @JsonProperty("ended_at")
    private String endedAt;
    @JsonProperty("expires_at")
    private String expiresAt;
    @JsonProperty("cancel_initiated_at")
    private String cancelInitiatedAt;
    @JsonProperty("archived_at")
    private String archivedAt;
    @JsonProperty("results_url")
    private String resultsUrl;

    MessageBatch() {
    }

    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    /** @return {@code in_progress}, {@code canceling} or {@code ended} (or a newer status, as sent) */
    public String processingStatus() {
        return processingStatus;
    }

    /** @return whether processing has ended and the results can be read */
    public boolean isEnded() {
        return ENDED.equals(processingStatus);
    }

    public RequestCounts requestCounts() {
        return requestCounts;
    }

    public OffsetDateTime createdAt() {
        return time(createdAt);
    }

    public OffsetDateTime endedAt() {
        return time(endedAt);
    }

    public OffsetDateTime expiresAt() {
        return time(expiresAt);
    }

    public OffsetDateTime cancelInitiatedAt() {
        return time(cancelInitiatedAt);
    }

    public OffsetDateTime archivedAt() {
        return time(archivedAt);
    }

    /** @return where the results are, once the batch has ended; {@code null} before */
    public String resultsUrl() {
        return resultsUrl;
    }

    private static OffsetDateTime time(String value) {
        return value == null ? null : OffsetDateTime.parse(value);
    }

    @Override
    public String toString() {
        return "MessageBatch[id=" + id + ", status=" + processingStatus + ", counts=" + requestCounts + "]";
    }

    /** How many requests of the batch are in each state. */
    public static final class RequestCounts extends JsonExtensible {
        @JsonProperty("processing")
        private long processing;
        @JsonProperty("succeeded")
        private long succeeded;
        @JsonProperty("errored")
        private long errored;
        @JsonProperty("canceled")
        private long canceled;
        @JsonProperty("expired")
        private long expired;

        RequestCounts() {
        }

        public long processing() {
            return processing;
        }

        public long succeeded() {
            return succeeded;
        }

        public long errored() {
            return errored;
        }

        public long canceled() {
            return canceled;
        }

        public long expired() {
            return expired;
        }

        @Override
        public String toString() {
            return "[processing=" + processing + ", succeeded=" + succeeded + ", errored=" + errored + ", canceled="
                    + canceled + ", expired=" + expired + "]";
        }
    }
}
