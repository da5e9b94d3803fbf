package io.quarkiverse.claude.redis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.ClaudeClientName;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;

/**
 * A client whose shared limits use a named Redis client ({@code shared-limits.redis-client-name=limits}) that no bean
 * of the application injects: Quarkus creates it because the build asks for it, and the shared state lands in that
 * client's database (1), not in the default client's (0).
 */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class NamedRedisClientTest {

    @Inject
    @ClaudeClientName("n")
    ClaudeClient n;
    @Inject
    Vertx vertx;

    @Test
    void theNamedRedisClientHoldsTheSharedState() {
        assertFalse(n.ask("shares through the named Redis client").isEmpty());
        assertTrue(keys(1).stream().anyMatch(key -> key.startsWith("quarkus-claude:{named}:")), keys(1).toString());
        assertTrue(keys(0).stream().noneMatch(key -> key.startsWith("quarkus-claude:{named}:")), keys(0).toString());
    }

    /** @return the keys of one database, read on a connection of the test's own */
    private List<String> keys(int database) {
        Redis direct = Redis.createClient(vertx, "redis://127.0.0.1:" + RedisTestResource.port + "/" + database);
        try {
            List<String> names = new ArrayList<>();
            direct.send(Request.cmd(Command.KEYS).arg("*")).await().atMost(Duration.ofSeconds(5))
                    .forEach(key -> names.add(key.toString()));
            return names;
        } finally {
            direct.close();
        }
    }
}
