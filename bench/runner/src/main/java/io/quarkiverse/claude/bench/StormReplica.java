package io.quarkiverse.claude.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.ClaudeClientName;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkus.runtime.QuarkusApplication;

/**
 * One replica of the {@code storm-replicas} section ({@link StormReplicas}), an application process of its own:
 * {@code child replica <tag> <calls> <threads> <barrier port>}. It makes one warm-up call, connects to the runner's
 * barrier and waits there until the runner has reset the simulator, the proxy and Redis and releases every replica at
 * once; then its calls, in a closed loop ({@link ClosedLoop}) with the {@code storm} client. Whether it shares its
 * limits is configuration only: the runner starts it with {@code -Dquarkus.profile=storm-shared} for that (see
 * {@code application.properties}).
 */
public class StormReplica implements QuarkusApplication {

    @Inject
    @ClaudeClientName("storm")
    ClaudeClient storm;

    @Override
    public int run(String... args) throws Exception {
        ClientJvm.dieWithParent();
        String tag = args[0];
        int calls = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        int barrierPort = Integer.parseInt(args[3]);
        BenchApp.Call call = prompt -> storm.messages().create(MessageRequest.of(prompt));
        // class loading and the first connection, before the barrier (the runner resets the bucket afterwards)
        call.call("bench-call-warm-0: say hi");
        ClosedLoop run;
        try (Socket barrier = new Socket(InetAddress.getLoopbackAddress(), barrierPort)) {
            OutputStream out = barrier.getOutputStream();
            out.write((tag + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = barrier.getInputStream();
            if (in.read() < 0) {
                throw new IllegalStateException("the runner closed the barrier without releasing it");
            }
            run = ClosedLoop.run(call, tag, calls, threads);
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("ok", run.ok());
        f.put("failures", run.failures());
        f.put("firstFailure", run.firstFailure());
        // System.nanoTime is CLOCK_MONOTONIC on Linux: one clock for every process of the machine, so the runner can
        // take the first start and the last end across the replicas
        f.put("startNanos", run.startNanos());
        f.put("endNanos", run.startNanos() + (long) (run.seconds() * 1e9));
        ClientJvm.printResult(f);
        return 0;
    }
}
