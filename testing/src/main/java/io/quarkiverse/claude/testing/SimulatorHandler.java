package io.quarkiverse.claude.testing;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/**
 * The simulator's request handler on the event loop: decides the request's fault as it arrives (a scripted fault first;
 * else, for {@code POST /v1/messages}, the request limiter's 429 (budget or token bucket); else, for the Messages
 * endpoints, the scenario's draw), reads
 * the body up to the size limit, records the request, waits the fault's delay on a timer, then lets the
 * {@link FaultResponder} or the {@link ApiDispatcher} answer.
 */
final class SimulatorHandler implements Handler<HttpServerRequest> {

    private static final String MESSAGES = "/v1/messages";
    private static final String COUNT_TOKENS = "/v1/messages/count_tokens";

    private final Vertx vertx;
    private final long maxBodyBytes;
    private final long maxBatchBodyBytes;
    private final FaultScript script;
    private final RequestLog log;
    private final Ids ids;
    private final RateLimits rateLimits;
    private final Clock clock;
    private final FaultResponder faults;
    private final ApiDispatcher api;
    private final ScenarioEngine scenario;
    private final RequestLimiter budget;
    private final StatsCounter stats;
    private final FilesEndpoint files;
    /** Room for the multipart framing around a file of the largest size. */
    private static final long UPLOAD_OVERHEAD = 64 * 1024;

    SimulatorHandler(Vertx vertx, long maxBodyBytes, long maxBatchBodyBytes, FaultScript script, RequestLog log, Ids ids, Clock clock,
            FaultResponder faults, ApiDispatcher api, ScenarioEngine scenario, RequestLimiter budget, StatsCounter stats,
            FilesEndpoint files) {
        this.files = files;
        this.scenario = scenario;
        this.budget = budget;
        this.stats = stats;
        this.vertx = vertx;
        this.maxBodyBytes = maxBodyBytes;
        this.maxBatchBodyBytes = maxBatchBodyBytes;
        this.script = script;
        this.log = log;
        this.ids = ids;
        this.rateLimits = new RateLimits(clock);
        this.clock = clock;
        this.faults = faults;
        this.api = api;
    }

    @Override
    public void handle(HttpServerRequest request) {
        // Faults are taken in arrival order, and only by API requests.
        Fault fault = request.path().startsWith("/v1/") ? script.next() : null;
        Map<String, String> budgetHeaders = Map.of();
        if (request.method() == HttpMethod.POST && request.path().equals(MESSAGES)) {
            // A scripted error, drop, stream... answers without the API, so it takes nothing from the budget; a regular
            // answer (also a scripted delay or withExtraFields) takes its share, or is refused when there is none.
            boolean regular = fault == null || fault.kind() == Fault.Kind.NORMAL;
            RequestLimiter.Decision d = regular ? budget.acquire() : budget.peek();
            if (d != null) {
                budgetHeaders = d.headers();
                if (!d.admitted() && regular) {
                    fault = budget.rejection(d);
                }
            }
        }
        if (fault == null && request.method() == HttpMethod.POST
                && (request.path().equals(MESSAGES) || request.path().equals(COUNT_TOKENS))) {
            fault = scenario.next();
        }
        Map<String, String> headers = budgetHeaders;
        if (fault != null && !fault.headers().isEmpty()) {
            headers = new LinkedHashMap<>(budgetHeaders);
            headers.putAll(fault.headers());
        }
        Fault chosen = fault;
        Map<String, String> extraHeaders = headers;
        request.exceptionHandler(ignored -> {
            // the client went away; there is nobody to answer
        });
        boolean scripted = fault != null && fault.kind() != Fault.Kind.NORMAL;
        // The API's edge has one limit for batch creation (256 MB) and another for everything else (32 MB).
        long maxBodyBytes = request.path().equals(BatchesEndpoint.PATH) ? this.maxBatchBodyBytes
                : FilesEndpoint.isUpload(request) ? files.maxFileBytes() + UPLOAD_OVERHEAD : this.maxBodyBytes;
        if (FilesEndpoint.isUpload(request)) {
            if (!scripted && declaredLength(request) <= maxBodyBytes) {
                // an upload goes to disk as it arrives, part by part; the log records what the parts were
                files.receive(request, received -> respond(request, chosen, extraHeaders, received.summary(), false,
                        received));
                return;
            }
        }
        if (!scripted && declaredLength(request) > maxBodyBytes) {
            // No need to read what will be refused: answer now, the rest of the body is discarded as it comes.
            request.handler(ignored -> {
            });
            request.endHandler(ignored -> {
            });
            respond(request, chosen, extraHeaders, "", true);
            return;
        }
        Buffer body = Buffer.buffer();
        boolean[] tooLarge = { false };
        request.handler(chunk -> {
            long room = maxBodyBytes - body.length();
            if (chunk.length() > room) {
                tooLarge[0] = true;
                if (room > 0) {
                    body.appendBuffer(chunk, 0, (int) room);
                }
            } else {
                body.appendBuffer(chunk);
            }
        });
        request.endHandler(ignored -> respond(request, chosen, extraHeaders, body.toString(StandardCharsets.UTF_8),
                tooLarge[0], null));
    }

    private void respond(HttpServerRequest request, Fault fault, Map<String, String> extraHeaders, String body,
            boolean tooLarge) {
        respond(request, fault, extraHeaders, body, tooLarge, null);
    }

    private void respond(HttpServerRequest request, Fault fault, Map<String, String> extraHeaders, String body,
            boolean tooLarge, FilesEndpoint.Received upload) {
        RecordedRequest recorded = record(request, body);
        log.add(recorded);
        Exchange ex = new Exchange(request, recorded, ids.requestId(), rateLimits, extraHeaders, stats);
        if (fault != null) {
            ex.eventInterval(fault.eventInterval());
        }
        Runnable answer = () -> {
            if (fault == null || fault.kind() == Fault.Kind.NORMAL) {
                api.answer(request, ex, tooLarge, fault != null && fault.extraFields(), upload);
            } else {
                faults.answer(ex, fault);
            }
        };
        long delayMillis = fault == null ? 0 : fault.delay().toMillis();
        if (delayMillis > 0) {
            vertx.setTimer(delayMillis, id -> answer.run());
        } else {
            answer.run();
        }
    }

    private RecordedRequest record(HttpServerRequest request, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach(h -> headers.merge(h.getKey().toLowerCase(Locale.ROOT), h.getValue(),
                (a, b) -> a + ", " + b));
        return new RecordedRequest(clock.instant(), request.method().name(), request.path(), request.query(), headers,
                body);
    }

    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader("content-length");
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
