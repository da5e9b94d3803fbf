package io.quarkiverse.claude.bench;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * A closed loop of calls with a fixed number in flight: {@code inFlight} platform threads each making the next blocking
 * call when its last one is answered, or, for an asynchronous client, {@code inFlight} outstanding {@code Uni}
 * subscriptions, the next one subscribed by the completion of the last. The threads are made once and kept, so that the meter, which
 * counts the allocations of live threads, sees all of theirs.
 */
final class CallLoad implements AutoCloseable {

    interface Blocking {
        void call() throws Exception;
    }

    /**
     * {@code -Dbench.mark-pause-ms}: how long the child waits after each mark of a measured batch, so that a profiler
     * or counter started by hand on the mark is running before the first measured call, and can read the process
     * before it exits (0 by default).
     */
    private static final long MARK_PAUSE_MS = Long.getLong("bench.mark-pause-ms", 0);

    private final Blocking blocking;
    private final Supplier<Uni<?>> async;
    private final int inFlight;
    private final ExecutorService threads;

    private CallLoad(Blocking blocking, Supplier<Uni<?>> async, int inFlight) {
        this.blocking = blocking;
        this.async = async;
        this.inFlight = inFlight;
        this.threads = blocking == null ? null : Executors.newFixedThreadPool(inFlight, r -> {
            Thread t = new Thread(r, "caller");
            t.setDaemon(true);
            return t;
        });
    }

    static CallLoad blocking(Blocking call, int inFlight) {
        return new CallLoad(call, null, inFlight);
    }

    static CallLoad async(Supplier<Uni<?>> call, int inFlight) {
        return new CallLoad(null, call, inFlight);
    }

    /** The figures of one measured batch. */
    record Batch(int calls, Meter.Sample sample, long[] latencies) {
    }

    /** @return the latencies of {@code n} calls, in nanoseconds; fails with the first failed call */
    long[] run(int n) throws Exception {
        long[] lat = new long[n];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        if (async != null) {
            // each completion subscribes the next call on the thread that completed it (the event loop), as a
            // reactive application chains its work; no dispatching thread sits between the calls
            AtomicInteger next = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(n);
            Runnable[] issue = new Runnable[1];
            issue[0] = () -> {
                int idx = next.getAndIncrement();
                if (idx >= n) {
                    return;
                }
                long t0 = System.nanoTime();
                async.get().subscribe().with(answer -> {
                    lat[idx] = System.nanoTime() - t0;
                    done.countDown();
                    issue[0].run();
                }, err -> {
                    failure.compareAndSet(null, err);
                    next.set(n);
                    while (done.getCount() > 0) {
                        done.countDown();
                    }
                });
            };
            for (int i = 0; i < Math.min(inFlight, n); i++) {
                issue[0].run();
            }
            done.await();
        } else {
            AtomicInteger next = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(inFlight);
            for (int w = 0; w < inFlight; w++) {
                threads.execute(() -> {
                    try {
                        int i;
                        while ((i = next.getAndIncrement()) < n) {
                            long t0 = System.nanoTime();
                            blocking.call();
                            lat[i] = System.nanoTime() - t0;
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                        next.set(n);
                    } finally {
                        done.countDown();
                    }
                });
            }
            done.await();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a call failed: " + failure.get(), failure.get());
        }
        return lat;
    }

    /** Batches of calls until {@code seconds} have passed; @return calls per second */
    double runFor(double seconds) throws Exception {
        int batch = Math.max(inFlight * 4, 200);
        long t0 = System.nanoTime();
        long calls = 0;
        while (System.nanoTime() - t0 < seconds * 1e9) {
            run(batch);
            calls += batch;
        }
        return calls / ((System.nanoTime() - t0) / 1e9);
    }

    /** One measured batch, after a GC so that no collection owed to the warm-up lands in it. */
    Batch measure(int n) throws Exception {
        System.gc();
        // marks around the measured calls, so that a profiler or a counter attached by hand covers exactly them
        System.out.println(ClientJvm.MARK + "calls-start " + n + " " + uptimeMs());
        Thread.sleep(MARK_PAUSE_MS);
        Meter m = Meter.start();
        long[] lat = run(n);
        Batch b = new Batch(n, m.stop(), lat);
        System.out.println(ClientJvm.MARK + "calls-end " + n + " " + uptimeMs());
        Thread.sleep(MARK_PAUSE_MS);
        return b;
    }

    /** The JVM's uptime, as {@code -Xlog:gc::uptimemillis} prints it, to find a batch's collections in a GC log. */
    private static long uptimeMs() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
    }

    static double percentileUs(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(p * sorted.length) - 1))] / 1e3;
    }

    static long[] sortedConcat(Iterable<long[]> parts) {
        long[] all = new long[0];
        for (long[] p : parts) {
            long[] merged = Arrays.copyOf(all, all.length + p.length);
            System.arraycopy(p, 0, merged, all.length, p.length);
            all = merged;
        }
        Arrays.sort(all);
        return all;
    }

    @Override
    public void close() {
        if (threads != null) {
            threads.shutdownNow();
        }
    }
}
