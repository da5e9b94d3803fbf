package io.quarkiverse.claude.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Process CPU time (all threads: callers, event loops, GC, JIT) and bytes allocated by all live threads, sampled
 * before and after a batch. Threads that end inside a batch are not counted; the clients' pools keep their threads,
 * so this loses little. The CPU time is the sum of every thread's nanoseconds on a CPU from
 * {@code /proc/self/task/<tid>/schedstat}: {@code OperatingSystemMXBean#getProcessCpuTime} counts in 10 ms ticks here,
 * which is ±15 % of a 70 ms streamed answer. Where /proc is missing it falls back to that bean. The CPU of the JIT
 * compiler threads is also given apart, so that a figure can be read with and without the compilation it triggered.
 */
final class Meter {

    private static final com.sun.management.OperatingSystemMXBean OS = (com.sun.management.OperatingSystemMXBean) ManagementFactory
            .getOperatingSystemMXBean();
    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
            .getThreadMXBean();

    static {
        THREADS.setThreadAllocatedMemoryEnabled(true);
    }

    private static final Path TASKS = Path.of("/proc/self/task");
    private static final boolean SCHEDSTAT = Files.isReadable(TASKS.resolve(String.valueOf(ProcessHandle.current().pid()))
            .resolve("schedstat"));

    private final Map<String, ThreadCpu> cpu0;
    private final long cpuTicks0;
    private final long wall0;
    private final Map<Long, Long> alloc0;

    private Meter() {
        alloc0 = allocations();
        wall0 = System.nanoTime();
        cpuTicks0 = OS.getProcessCpuTime();
        cpu0 = threadCpu();
    }

    static Meter start() {
        return new Meter();
    }

    /**
     * @param cpuNanos every thread's CPU time
     * @param jitCpuNanos the part of it on the JIT compiler threads (0 without /proc)
     */
    record Sample(long cpuNanos, long jitCpuNanos, long wallNanos, long allocatedBytes) {

        long cpuWithoutJitNanos() {
            return cpuNanos - jitCpuNanos;
        }

        Sample plus(Sample o) {
            return new Sample(cpuNanos + o.cpuNanos, jitCpuNanos + o.jitCpuNanos, wallNanos + o.wallNanos,
                    allocatedBytes + o.allocatedBytes);
        }
    }

    /** One thread's CPU nanoseconds so far, and whether it is a JIT compiler thread. */
    private record ThreadCpu(long nanos, boolean jit) {
    }

    Sample stop() {
        long cpu = 0;
        long jit = 0;
        if (SCHEDSTAT) {
            for (Map.Entry<String, ThreadCpu> e : threadCpu().entrySet()) {
                ThreadCpu before = cpu0.get(e.getKey());
                long used = e.getValue().nanos() - (before == null ? 0 : before.nanos());
                cpu += used;
                if (e.getValue().jit()) {
                    jit += used;
                }
            }
        } else {
            cpu = OS.getProcessCpuTime() - cpuTicks0;
        }
        long wall = System.nanoTime() - wall0;
        long bytes = 0;
        for (Map.Entry<Long, Long> e : allocations().entrySet()) {
            bytes += e.getValue() - alloc0.getOrDefault(e.getKey(), 0L);
        }
        return new Sample(cpu, jit, wall, bytes);
    }

    /** @return nanoseconds on a CPU so far, by thread id; empty without /proc */
    private static Map<String, ThreadCpu> threadCpu() {
        Map<String, ThreadCpu> cpu = new HashMap<>();
        if (!SCHEDSTAT) {
            return cpu;
        }
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("schedstat"));
                    // HotSpot names its compiler threads "C1 CompilerThread0", "C2 CompilerThread1", … (comm keeps 15
                    // characters); their CPU is the JIT's, which the run may or may not be charged for
                    boolean jit = Files.readString(task.resolve("comm")).contains("CompilerThre");
                    cpu.put(task.getFileName().toString(),
                            new ThreadCpu(Long.parseLong(stat.substring(0, stat.indexOf(' '))), jit));
                } catch (IOException | RuntimeException ended) {
                    // the thread ended while we looked
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cpu;
    }

    /**
     * @return the CPU nanoseconds so far of another process (the fake server), summed over its threads, or -1 where
     *         /proc is missing
     */
    static long processCpuNanos(long pid) {
        long sum = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("schedstat"));
                    sum += Long.parseLong(stat.substring(0, stat.indexOf(' ')));
                } catch (IOException | RuntimeException ended) {
                    // the thread ended while we looked
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return sum;
    }

    private static Map<Long, Long> allocations() {
        long[] ids = THREADS.getAllThreadIds();
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        Map<Long, Long> m = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                m.put(ids[i], bytes[i]);
            }
        }
        return m;
    }
}
