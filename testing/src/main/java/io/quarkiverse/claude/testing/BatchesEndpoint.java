package io.quarkiverse.claude.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;

/**
 * The Message Batches API, in memory: {@code POST /v1/messages/batches} (create), {@code GET /v1/messages/batches}
 * (list, newest first), {@code GET /v1/messages/batches/{id}}, {@code POST /v1/messages/batches/{id}/cancel},
 * {@code DELETE /v1/messages/batches/{id}} and {@code GET /v1/messages/batches/{id}/results} (JSON Lines).
 * <p>
 * A batch is processed in one go, on a Vert.x timer, a processing delay after it was created: each request is answered
 * as {@code POST /v1/messages} would answer it (a {@code succeeded} result with the message, or an {@code errored}
 * result with the error the request would get), except that requests whose {@code custom_id} starts with
 * {@code expire-} end as {@code expired}. Cancelling marks the batch {@code canceling} and ends it at once, every request
 * it had not processed being {@code canceled}. All state is guarded by this object's lock: the event loop changes it,
 * tests read it.
 */
final class BatchesEndpoint {

    static final String PATH = "/v1/messages/batches";

    /** The most requests a batch may hold. */
    static final int MAX_REQUESTS = 100_000;

    /** Requests whose {@code custom_id} starts with this end as {@code expired}. */
    static final String EXPIRE_PREFIX = "expire-";

    private static final Pattern CUSTOM_ID = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final Duration LIFETIME = Duration.ofHours(24);

    private final Vertx vertx;
    private final MessagesEndpoint messages;
    private final Clock clock;
    private final long delayMillis;
    private final AtomicLong counter = new AtomicLong();
    /** By creation time, oldest first. */
    private final Map<String, Batch> batches = new LinkedHashMap<>();

    BatchesEndpoint(Vertx vertx, MessagesEndpoint messages, Clock clock, Duration processingDelay) {
        this.vertx = vertx;
        this.messages = messages;
        this.clock = clock;
        this.delayMillis = Math.max(1, processingDelay.toMillis());
    }

    // ---------------------------------------------------------------- endpoints

    void create(Exchange ex, JsonNode body, String version, boolean extraFields) {
        List<Request> requests = requests(body);
        Batch batch;
        synchronized (this) {
            String id = "msgbatch_sim_" + counter.incrementAndGet();
            batch = new Batch(id, requests, version, now(), "http://" + host(ex) + PATH + "/" + id + "/results");
            batches.put(id, batch);
            batch.timer = vertx.setTimer(delayMillis, ignored -> process(id));
        }
        ex.json(200, json(batch, extraFields));
    }

    void get(Exchange ex, String id, boolean extraFields) {
        ex.json(200, json(find(id), extraFields));
    }

    void list(Exchange ex, MultiMap params, boolean extraFields) {
        int limit = Paging.limit(params);
        ObjectNode page;
        synchronized (this) {
            List<Batch> newestFirst = new ArrayList<>(batches.values());
            Collections.reverse(newestFirst);
            page = Paging.page(newestFirst, b -> b.id, b -> json(b, extraFields), limit, params.get("after_id"),
                    params.get("before_id"), "message batch");
        }
        if (extraFields) {
            page.put(AnswerJson.EXTRA_FIELD, "top-level");
        }
        ex.json(200, page);
    }

    void cancel(Exchange ex, String id, boolean extraFields) {
        Batch batch;
        synchronized (this) {
            batch = find(id);
            if (batch.status == Status.ENDED) {
                throw ApiException.invalid("Message Batch " + id + " has already ended and can no longer be canceled.");
            }
            if (batch.status == Status.IN_PROGRESS) {
                batch.status = Status.CANCELING;
                batch.cancelInitiatedAt = now();
                vertx.cancelTimer(batch.timer);
                // The answer shows "canceling"; the batch ends right after, its unprocessed requests canceled.
                batch.timer = vertx.setTimer(1, ignored -> process(id));
            }
        }
        ex.json(200, json(batch, extraFields));
    }

    void delete(Exchange ex, String id) {
        synchronized (this) {
            Batch batch = find(id);
            if (batch.status != Status.ENDED) {
                throw ApiException.invalid("Message Batch " + id + " must be ended before deletion. Cancel it first if "
                        + "you do not want to wait for it to end.");
            }
            batches.remove(id);
        }
        ex.json(200, Json.object().put("id", id).put("type", "message_batch_deleted"));
    }

    void results(Exchange ex, String id) {
        List<ObjectNode> lines;
        synchronized (this) {
            Batch batch = find(id);
            if (batch.status != Status.ENDED) {
                throw ApiException.invalid("Message Batch " + id + " has not ended yet; its results are available once "
                        + "its processing_status is \"ended\".");
            }
            lines = batch.results;
        }
        ex.jsonLines(lines.iterator());
    }

    // ---------------------------------------------------------------- for the simulator

    /** The ids of the batches not deleted, newest first. */
    synchronized List<String> ids() {
        List<String> ids = new ArrayList<>(batches.keySet());
        Collections.reverse(ids);
        return ids;
    }

    /** Forgets every batch, and stops processing them. */
    synchronized void clear() {
        for (Batch b : batches.values()) {
            if (b.status != Status.ENDED) {
                vertx.cancelTimer(b.timer);
            }
        }
        batches.clear();
    }

    // ---------------------------------------------------------------- processing

    /** Ends a batch: answers its requests, or cancels them all when it is canceling. Runs on the event loop. */
    private synchronized void process(String id) {
        Batch batch = batches.get(id);
        if (batch == null || batch.status == Status.ENDED) {
            return;
        }
        List<ObjectNode> results = new ArrayList<>(batch.requests.size());
        for (Request r : batch.requests) {
            ObjectNode result;
            if (batch.status == Status.CANCELING) {
                result = Json.object().put("type", "canceled");
            } else if (r.customId().startsWith(EXPIRE_PREFIX)) {
                result = Json.object().put("type", "expired");
            } else {
                result = answer(r.params(), batch.version);
            }
            ObjectNode line = Json.object().put("custom_id", r.customId());
            line.set("result", result);
            results.add(line);
        }
        batch.results = List.copyOf(results);
        batch.status = Status.ENDED;
        batch.endedAt = now();
    }

    private ObjectNode answer(JsonNode params, String version) {
        try {
            Answer answer = messages.answer(params, version, false);
            ObjectNode result = Json.object().put("type", "succeeded");
            ObjectNode message = AnswerJson.message(answer);
            ((ObjectNode) message.path("usage")).put("service_tier", "batch");
            result.set("message", message);
            return result;
        } catch (ApiException e) {
            ObjectNode result = Json.object().put("type", "errored");
            ObjectNode response = result.putObject("error").put("type", "error");
            response.putObject("error").put("type", e.type()).put("message", e.getMessage());
            return result;
        }
    }

    // ---------------------------------------------------------------- checks and JSON

    /** The requests of a create body, checked as the API checks them. */
    private static List<Request> requests(JsonNode body) {
        JsonNode requests = body.get("requests");
        if (requests == null || requests.isNull()) {
            throw ApiException.invalid("requests: Field required");
        }
        if (!requests.isArray()) {
            throw ApiException.invalid("requests: Input should be a valid list");
        }
        if (requests.isEmpty()) {
            throw ApiException.invalid("requests: List should have at least 1 item after validation, not 0");
        }
        if (requests.size() > MAX_REQUESTS) {
            throw ApiException.invalid("requests: List should have at most " + MAX_REQUESTS
                    + " items after validation, not " + requests.size());
        }
        List<Request> out = new ArrayList<>(requests.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < requests.size(); i++) {
            JsonNode request = requests.get(i);
            String at = "requests." + i;
            if (!request.isObject()) {
                throw ApiException.invalid(at + ": Input should be a valid dictionary");
            }
            JsonNode customId = request.get("custom_id");
            if (customId == null || customId.isNull()) {
                throw ApiException.invalid(at + ".custom_id: Field required");
            }
            if (!customId.isTextual()) {
                throw ApiException.invalid(at + ".custom_id: Input should be a valid string");
            }
            String cid = customId.asText();
            if (cid.isEmpty()) {
                throw ApiException.invalid(at + ".custom_id: String should have at least 1 character");
            }
            if (!CUSTOM_ID.matcher(cid).matches()) {
                throw ApiException.invalid(at + ".custom_id: String should match pattern '^[a-zA-Z0-9_-]{1,64}$'");
            }
            if (!seen.add(cid)) {
                throw ApiException.invalid(at + ".custom_id: Duplicate custom_id '" + cid
                        + "'; each request in a Message Batch must have a unique custom_id");
            }
            JsonNode params = request.get("params");
            if (params == null || params.isNull()) {
                throw ApiException.invalid(at + ".params: Field required");
            }
            if (!params.isObject()) {
                throw ApiException.invalid(at + ".params: Input should be a valid dictionary");
            }
            out.add(new Request(cid, params));
        }
        return out;
    }

    private Batch find(String id) {
        synchronized (this) {
            Batch batch = batches.get(id);
            if (batch == null) {
                throw ApiException.notFound("message_batch: " + id);
            }
            return batch;
        }
    }


    private ObjectNode json(Batch b, boolean extraFields) {
        synchronized (this) {
            ObjectNode json = Json.object();
            json.put("id", b.id);
            json.put("type", "message_batch");
            json.put("processing_status", b.status.wire);
            ObjectNode counts = json.putObject("request_counts");
            long succeeded = 0;
            long errored = 0;
            long canceled = 0;
            long expired = 0;
            if (b.results != null) {
                for (ObjectNode line : b.results) {
                    switch (line.path("result").path("type").asText()) {
                        case "succeeded" -> succeeded++;
                        case "errored" -> errored++;
                        case "canceled" -> canceled++;
                        default -> expired++;
                    }
                }
            }
            counts.put("processing", b.results == null ? b.requests.size() : 0);
            counts.put("succeeded", succeeded);
            counts.put("errored", errored);
            counts.put("canceled", canceled);
            counts.put("expired", expired);
            putTime(json, "ended_at", b.endedAt);
            putTime(json, "created_at", b.createdAt);
            putTime(json, "expires_at", b.createdAt.plus(LIFETIME));
            putTime(json, "cancel_initiated_at", b.cancelInitiatedAt);
            json.putNull("archived_at");
            if (b.status == Status.ENDED) {
                json.put("results_url", b.resultsUrl);
            } else {
                json.putNull("results_url");
            }
            if (extraFields) {
                json.put(AnswerJson.EXTRA_FIELD, "top-level");
            }
            return json;
        }
    }

    private static void putTime(ObjectNode json, String field, Instant time) {
        if (time == null) {
            json.putNull(field);
        } else {
            json.put(field, time.toString());
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String host(Exchange ex) {
        String host = ex.request().header("host");
        return host == null || host.isBlank() ? "127.0.0.1" : host.trim();
    }

    private enum Status {
        IN_PROGRESS("in_progress"),
        CANCELING("canceling"),
        ENDED("ended");

        final String wire;

        Status(String wire) {
            this.wire = wire;
        }
    }

    private record Request(String customId, JsonNode params) {
    }

    /** One batch; its mutable fields are guarded by the endpoint's lock. */
    private static final class Batch {
        final String id;
        final List<Request> requests;
        final String version;
        final Instant createdAt;
        final String resultsUrl;
        Status status = Status.IN_PROGRESS;
        Instant endedAt;
        Instant cancelInitiatedAt;
        long timer;
        /** One JSON line per request once ended, else null. */
        List<ObjectNode> results;

        Batch(String id, List<Request> requests, String version, Instant createdAt, String resultsUrl) {
            this.id = id;
            this.requests = requests;
            this.version = version;
            this.createdAt = createdAt;
            this.resultsUrl = resultsUrl;
        }
    }
}
