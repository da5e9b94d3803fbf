package io.quarkiverse.claude.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The simulator's prompt cache. A request's cache breakpoints are its blocks with {@code cache_control} (tools, system
 * blocks, message content blocks, in that order); each breakpoint's prefix is everything from the first tool up to and
 * including that block, keyed by the model and a hash of the prefix's JSON without the {@code cache_control} markers.
 * <p>
 * For a request, the longest prefix still cached, ending at any block up to the last breakpoint, is read ({@code cache_read_input_tokens}), the tokens from there to
 * the last breakpoint are written ({@code cache_creation_input_tokens}, split by the TTL of the breakpoint that covers
 * them: {@code "5m"}, the default, or {@code "1h"}), and every breakpoint's prefix is then cached (again) for its TTL,
 * as a read refreshes an entry. The API's minimum cacheable length is not simulated: any prefix is cached.
 */
final class PromptCache {

    static final int MAX_BREAKPOINTS = 4;

    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    private static final Duration ONE_HOUR = Duration.ofHours(1);

    private final Clock clock;
    private final Map<String, Instant> expiries = new HashMap<>();

    PromptCache(Clock clock) {
        this.clock = clock;
    }

    /**
     * Checks the breakpoints of a request the way the API does.
     *
     * @throws ApiException for more than four breakpoints or a malformed {@code cache_control}
     */
    static void check(JsonNode body) {
        int found = 0;
        for (Conversation.Segment s : Conversation.segments(body)) {
            JsonNode control = s.cacheControl();
            if (control == null) {
                continue;
            }
            found++;
            if (!control.isObject()) {
                throw ApiException.invalid(s.path() + ".cache_control: Input should be a valid dictionary");
            }
            if (!"ephemeral".equals(control.path("type").asText())) {
                throw ApiException.invalid(s.path() + ".cache_control.type: Input should be 'ephemeral'");
            }
            JsonNode ttl = control.get("ttl");
            if (ttl != null && !ttl.isNull() && !"5m".equals(ttl.asText()) && !"1h".equals(ttl.asText())) {
                throw ApiException.invalid(s.path() + ".cache_control.ttl: Input should be '5m' or '1h'");
            }
        }
        if (found > MAX_BREAKPOINTS) {
            throw ApiException.invalid(
                    "A maximum of " + MAX_BREAKPOINTS + " blocks with cache_control may be provided. Found " + found + ".");
        }
    }

    /** Looks the request's prefixes up, caches them, and says what that did to the usage. */
    synchronized Answer.CacheUsage use(JsonNode body) {
        List<Conversation.Segment> segments = Conversation.segments(body);
        int last = -1;
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).cacheControl() != null) {
                last = i;
            }
        }
        if (last < 0) {
            return Answer.CacheUsage.NONE;
        }
        // The key and size of the prefix ending at each block, up to the last breakpoint. The key leaves the
        // cache_control markers out, so that a prefix cached by one request is found by the next one, whose breakpoint
        // moved further (the usual multi-turn pattern).
        List<Prefix> prefixes = new ArrayList<>(last + 1);
        MessageDigest digest = sha256();
        digest.update(body.path("model").asText("").getBytes(StandardCharsets.UTF_8));
        long chars = 0;
        for (int i = 0; i <= last; i++) {
            Conversation.Segment s = segments.get(i);
            JsonNode json = s.json();
            if (json.isObject() && json.has("cache_control")) {
                json = json.deepCopy();
                ((ObjectNode) json).remove("cache_control");
            }
            digest.update((byte) 0);
            digest.update(json.toString().getBytes(StandardCharsets.UTF_8));
            chars += s.chars();
            JsonNode control = s.cacheControl();
            prefixes.add(new Prefix(HexFormat.of().formatHex(cloneDigest(digest).digest()), Conversation.tokens(chars),
                    control != null, control != null && "1h".equals(control.path("ttl").asText())));
        }
        Instant now = clock.instant();
        expiries.values().removeIf(expiry -> !expiry.isAfter(now));
        int hit = -1;
        for (int i = last; i >= 0 && hit < 0; i--) {
            if (expiries.containsKey(prefixes.get(i).key())) {
                hit = i;
            }
        }
        long read = hit >= 0 ? prefixes.get(hit).tokens() : 0;
        long creation5m = 0;
        long creation1h = 0;
        long covered = read;
        for (int i = hit + 1; i <= last; i++) {
            Prefix p = prefixes.get(i);
            if (!p.breakpoint()) {
                continue;
            }
            long written = Math.max(0, p.tokens() - covered);
            covered = Math.max(covered, p.tokens());
            if (p.hour()) {
                creation1h += written;
            } else {
                creation5m += written;
            }
        }
        for (int i = 0; i <= last; i++) {
            Prefix p = prefixes.get(i);
            if (p.breakpoint() || i == hit) {
                Instant expiry = now.plus(p.hour() ? ONE_HOUR : FIVE_MINUTES);
                expiries.merge(p.key(), expiry, (a, c) -> a.isAfter(c) ? a : c);
            }
        }
        return new Answer.CacheUsage(creation5m, creation1h, read);
    }

    synchronized void clear() {
        expiries.clear();
    }

    private record Prefix(String key, long tokens, boolean breakpoint, boolean hour) {
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest cloneDigest(MessageDigest d) {
        try {
            return (MessageDigest) d.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
