package io.quarkiverse.claude.testing;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Makes the ids of one simulator: request ids are unique, message and tool ids count up from 1. */
final class Ids {

    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong tools = new AtomicLong();

    /** {@code req_sim_<32 hex digits>}, unique across simulators and runs. */
    String requestId() {
        return "req_sim_" + UUID.randomUUID().toString().replace("-", "");
    }

    String messageId() {
        return "msg_sim_" + messages.incrementAndGet();
    }

    String toolUseId() {
        return "toolu_sim_" + tools.incrementAndGet();
    }

    String serverToolUseId() {
        return "srvtoolu_sim_" + tools.incrementAndGet();
    }
}
