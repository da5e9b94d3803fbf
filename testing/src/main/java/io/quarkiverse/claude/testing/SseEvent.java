package io.quarkiverse.claude.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One server-sent event: {@code event: <name>}, {@code data: <json>} and the blank line that ends it. */
record SseEvent(String name, ObjectNode data) {

    static SseEvent of(String type, ObjectNode data) {
        ObjectNode withType = Json.object().put("type", type);
        withType.setAll(data);
        return new SseEvent(type, withType);
    }

    boolean isDelta() {
        return "content_block_delta".equals(name);
    }

    String wire() {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }
}
