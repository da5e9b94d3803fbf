package io.quarkiverse.claude.deployment.connections;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.ext.Provider;

import org.jboss.resteasy.reactive.client.impl.ClientRequestContextImpl;
import org.jboss.resteasy.reactive.client.impl.PreservesThreadClientResponseFilter;

import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.impl.HttpClientConnection;

/**
 * Records, for every answer the REST Clients of the application receive, the event loop its request ran on (the thread
 * the REST Client reads the answer on) and whether that is the event loop of its connection. A provider of the
 * application, so every REST Client has it, the Claude clients too. Vert.x exposes a connection's event loop only on
 * its internal connection type.
 */
@Provider
public class AnswerLoops implements PreservesThreadClientResponseFilter {

    /** What one answer saw. */
    public record Seen(String requestLoop, boolean onConnectionLoop) {
    }

    public static final List<Seen> SEEN = new CopyOnWriteArrayList<>();

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        HttpConnection connection = ((ClientRequestContextImpl) request).getRestClientRequestContext()
                .getVertxClientResponse().request().connection();
        boolean onConnectionLoop = ((HttpClientConnection) connection).getContext().nettyEventLoop().inEventLoop();
        SEEN.add(new Seen(Thread.currentThread().getName(), onConnectionLoop));
    }
}
