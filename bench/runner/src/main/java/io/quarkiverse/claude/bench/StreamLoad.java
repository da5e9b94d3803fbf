package io.quarkiverse.claude.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Many streams open at once, each a slow answer from the fake server's drip mode (prompt {@code drip:<ms>:<deltas>}:
 * one {@code content_block_delta} every {@code ms}, like a model generating), and what the client process spends on
 * them: memory and threads at the middle of the run against the idle process, CPU per event, events lost.
 */
final class StreamLoad {

    /** Opens one stream and reports its events to the tally; returns at once (the stream runs on). */
    interface Opener {
        void open(String prompt, Tally tally) throws Exception;
    }

    /** What the streams of one run received. */
    static final class Tally {
        final LongAdder deltas = new LongAdder();
        final LongAdder otherEvents = new LongAdder();
        final AtomicInteger open = new AtomicInteger();
        final Map<String, Integer> errors = new ConcurrentHashMap<>();
        final Map<String, String> firstError = new ConcurrentHashMap<>();
        final CountDownLatch ended;
        /** Threads that read a stream wait on this after it ends, so that the meter still counts their CPU. */
        final CountDownLatch release = new CountDownLatch(1);

        Tally(int streams) {
            ended = new CountDownLatch(streams);
        }

        void started() {
            open.incrementAndGet();
        }

        void ended(Throwable failure) {
            if (failure != null) {
                String name = failure.getClass().getSimpleName();
                errors.merge(name, 1, Integer::sum);
                firstError.putIfAbsent(name, String.valueOf(failure.getMessage()));
            }
            open.decrementAndGet();
            ended.countDown();
        }

        /** For a stream that could not even be opened (e.g. no thread for it). */
        void notOpened(Throwable failure) {
            open.incrementAndGet();
            ended(failure);
        }

        int errorCount() {
            return errors.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final Opener opener;

    StreamLoad(Opener opener) {
        this.opener = opener;
    }

    /** A round of warm-up: fast streams (1 ms per delta) until {@code seconds} have passed. */
    void warm(int streams, double seconds) throws Exception {
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < seconds * 1e9) {
            Tally t = new Tally(streams);
            for (int i = 0; i < streams; i++) {
                opener.open("drip:1:200", t);
            }
            t.release.countDown();
            if (!t.ended.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("warm-up streams did not end within 60 s");
            }
            if (!t.errors.isEmpty()) {
                throw new IllegalStateException("warm-up streams failed: " + t.firstError);
            }
        }
    }

    /**
     * Opens {@code streams} streams together, each {@code deltas} deltas {@code intervalMs} apart; at the middle of the
     * run takes the process's memory (after a GC) and threads, against the same taken before the streams opened.
     */
    Map<String, Object> measure(int streams, int intervalMs, int deltas) throws Exception {
        Map<String, Object> f = new LinkedHashMap<>();
        Snapshot idle = Snapshot.take();
        Tally t = new Tally(streams);
        String prompt = "drip:" + intervalMs + ":" + deltas;
        long runMs = (long) intervalMs * deltas;
        System.out.println(ClientJvm.MARK + "start");
        Meter m = Meter.start();
        long t0 = System.nanoTime();
        for (int i = 0; i < streams; i++) {
            try {
                opener.open(prompt, t);
            } catch (Throwable e) { // e.g. OutOfMemoryError: unable to create native thread
                t.notOpened(e);
                for (int j = i + 1; j < streams; j++) {
                    t.notOpened(e);
                }
                break;
            }
        }
        double openedS = (System.nanoTime() - t0) / 1e9;
        long toMiddle = runMs / 2 - (System.nanoTime() - t0) / 1_000_000;
        if (toMiddle > 0) {
            Thread.sleep(toMiddle);
        }
        Meter.Sample first = m.stop(); // the GC of the snapshot is the benchmark's, not the client's
        int openAtMiddle = t.open.get();
        Snapshot middle = Snapshot.take();
        m = Meter.start();
        boolean allEnded = t.ended.await(runMs / 2 + TimeUnit.SECONDS.toMillis(60), TimeUnit.MILLISECONDS);
        Meter.Sample cpu = first.plus(m.stop());
        System.out.println(ClientJvm.MARK + "end");
        t.release.countDown();
        long received = t.deltas.sum();
        f.put("streams", streams);
        f.put("openAtMiddle", openAtMiddle);
        f.put("secondsToOpenAll", openedS);
        f.put("allEnded", allEnded);
        f.put("deltasExpected", (long) streams * deltas);
        f.put("deltasReceived", received);
        f.put("otherEvents", t.otherEvents.sum());
        f.put("errors", t.errorCount());
        f.put("errorKinds", new LinkedHashMap<>(t.errors));
        f.put("firstErrors", new LinkedHashMap<>(t.firstError));
        f.put("rssIdleKb", idle.rssKb);
        f.put("rssMiddleKb", middle.rssKb);
        f.put("heapIdleKb", idle.heapKb);
        f.put("heapMiddleKb", middle.heapKb);
        f.put("threadsIdle", idle.threads);
        f.put("threadsMiddle", middle.threads);
        long events = received + t.otherEvents.sum();
        f.put("cpuUsPerEvent", events == 0 ? Double.NaN : cpu.cpuNanos() / 1e3 / events);
        f.put("cpuNoJitUsPerEvent", events == 0 ? Double.NaN : cpu.cpuWithoutJitNanos() / 1e3 / events);
        f.put("cpuSeconds", cpu.cpuNanos() / 1e9);
        f.put("wallSeconds", cpu.wallNanos() / 1e9);
        return f;
    }

    /** The process's resident memory, heap after a full GC, and OS threads (Java's and the JVM's own). */
    record Snapshot(long rssKb, long heapKb, long threads) {

        static Snapshot take() throws InterruptedException {
            System.gc();
            Thread.sleep(200);
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024;
            return new Snapshot(status("VmRSS:"), heap, status("Threads:"));
        }

        private static long status(String field) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith(field)) {
                        return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not Linux
            }
            return -1;
        }
    }
}
