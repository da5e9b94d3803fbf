package io.quarkiverse.claude.runtime.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * Runs the shared-limits script for one client on Redis, each call bounded by {@code shared-limits.timeout}, and keeps
 * track of outages: the first failure logs one WARN and starts an outage, during which Redis is asked again only every
 * {@code shared-limits.retry-interval}; the first success after it logs one INFO.
 */
final class RedisScript {

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.claude.shared-limits");
    static final String SOURCE = load();
    static final String SHA = sha1(SOURCE);

    private final String clientName;
    private final Redis redis;
    private final Duration timeout;
    private final Duration connectTimeout;
    private final long retryNanos;
    /** The warm-up while it runs (admissions wait for it, so that they do not race the connection); then null. */
    private volatile Uni<Void> connecting;
    /** While Redis is out: when it was first seen out; null while it answers. */
    private volatile Instant downSince;
    private final AtomicLong nextTryNanos = new AtomicLong();
    /** Set when the application stops: its Redis client closes, and nothing is sent any more. */
    private volatile boolean closed;

    RedisScript(String clientName, Redis redis, Duration timeout, Duration connectTimeout, Duration retryInterval) {
        this.clientName = clientName;
        this.redis = redis;
        this.timeout = timeout;
        this.connectTimeout = connectTimeout;
        this.retryNanos = retryInterval.toNanos();
    }

    /**
     * @return whether Redis may be asked now: always while it answers; during an outage, once per retry interval
     *         (to one caller only: the others go on locally)
     */
    boolean mayAsk() {
        if (closed) {
            return false;
        }
        if (downSince == null) {
            return true;
        }
        long next = nextTryNanos.get();
        long now = System.nanoTime();
        return now - next >= 0 && nextTryNanos.compareAndSet(next, now + retryNanos);
    }

    /**
     * Connects and loads the script ahead of the first attempt, so that the first admission is one quick round trip,
     * not a connection and a load within the timeout; admissions asked meanwhile wait for it, at most
     * {@code shared-limits.connect-timeout}. A failure here is not an outage yet: the first admission tells.
     */
    void warmUp() {
        Uni<Void> warmUp = redis.send(Request.cmd(Command.SCRIPT).arg("LOAD").arg(SOURCE)).replaceWithVoid()
                .ifNoItem().after(connectTimeout).fail()
                .onFailure().invoke(failure -> LOG.debugf(
                        "Redis could not load the shared-limits script of the Claude client %s yet: %s", clientName,
                        describe(failure)))
                .onFailure().recoverWithNull()
                .onTermination().invoke(() -> connecting = null)
                .memoize().indefinitely();
        connecting = warmUp;
        warmUp.subscribe().with(done -> {
        });
    }

    /** @return the script's reply; a failure (Redis out, slow or refusing) has been counted as an outage */
    Uni<Response> run(List<String> keys, List<String> args) {
        Uni<Response> call = send(Command.EVALSHA, SHA, keys, args)
                .onFailure(RedisScript::noScript).recoverWithUni(() -> send(Command.EVAL, SOURCE, keys, args))
                .ifNoItem().after(timeout).failWith(() -> new java.util.concurrent.TimeoutException(
                        "no answer from Redis within " + timeout));
        Uni<Void> warmUp = connecting;
        return (warmUp == null ? call : warmUp.chain(() -> call))
                .onItemOrFailure().invoke((reply, failure) -> {
                    if (failure == null) {
                        answered();
                    } else {
                        failed(failure);
                    }
                });
    }

    private Uni<Response> send(Command command, String script, List<String> keys, List<String> args) {
        Request request = Request.cmd(command).arg(script).arg(keys.size());
        keys.forEach(request::arg);
        args.forEach(request::arg);
        return redis.send(request);
    }

    /** The server does not have the script cached (a restart, a flush, a replica that was promoted): EVAL loads it. */
    private static boolean noScript(Throwable failure) {
        return failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT");
    }

    private void answered() {
        Instant since = downSince;
        if (since != null) {
            downSince = null;
            LOG.infof("Redis answers again: the Claude client %s shares its limits with the other replicas again "
                    + "(local limits since %s).", clientName, since);
        }
    }

    private void failed(Throwable failure) {
        nextTryNanos.set(System.nanoTime() + retryNanos);
        if (downSince == null) {
            synchronized (this) {
                if (downSince != null) {
                    return;
                }
                downSince = Instant.now();
            }
            LOG.warnf("Redis did not answer for the shared limits of the Claude client %s (%s): the pause, the rate "
                    + "budget and the circuit are shared with the other replicas no more; calls go on with this "
                    + "replica's own limits, and Redis is tried again every %s.", clientName, describe(failure),
                    Duration.ofNanos(retryNanos));
        }
    }

    /** The application stops: nothing more is sent (a report still due would find the Redis client closed). */
    void close() {
        closed = true;
    }

    /** @return since when Redis is out, or {@code null} while it answers */
    Instant downSince() {
        return downSince;
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String load() {
        try (InputStream in = RedisScript.class.getResourceAsStream("/META-INF/quarkus-claude/shared-limits.lua")) {
            if (in == null) {
                throw new IllegalStateException("META-INF/quarkus-claude/shared-limits.lua is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String text) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
