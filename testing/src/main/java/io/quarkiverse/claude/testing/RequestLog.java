package io.quarkiverse.claude.testing;

import java.util.ArrayList;
import java.util.List;

/** Every request a simulator received, in arrival order; appended by the event loop, read by tests. */
final class RequestLog {

    private final List<RecordedRequest> requests = new ArrayList<>();

    synchronized void add(RecordedRequest r) {
        requests.add(r);
    }

    synchronized List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    synchronized List<RecordedRequest> withPath(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    synchronized RecordedRequest last() {
        if (requests.isEmpty()) {
            throw new IllegalStateException("The Claude simulator has received no request");
        }
        return requests.get(requests.size() - 1);
    }

    synchronized void clear() {
        requests.clear();
    }
}
