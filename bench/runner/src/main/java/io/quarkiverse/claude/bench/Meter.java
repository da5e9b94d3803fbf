package io.quarkiverse.claude.bench;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * Process CPU time (all threads: callers, event loops, GC, JIT) and bytes allocated by all live threads, sampled
 * before and after a batch. Threads that end inside a batch are not counted in the allocations; the clients' pools
 * keep their threads, so this loses little.
 */
final class Meter {

    private static final com.sun.management.OperatingSystemMXBean OS = (com.sun.management.OperatingSystemMXBean) ManagementFactory
            .getOperatingSystemMXBean();
    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
            .getThreadMXBean();

    static {
        THREADS.setThreadAllocatedMemoryEnabled(true);
    }

    private final long cpu0;
    private final long wall0;
    private final Map<Long, Long> alloc0;

    private Meter() {
        alloc0 = allocations();
        wall0 = System.nanoTime();
        cpu0 = OS.getProcessCpuTime();
    }

    static Meter start() {
        return new Meter();
    }

    record Sample(long cpuNanos, long wallNanos, long allocatedBytes) {
    }

    Sample stop() {
        long cpu = OS.getProcessCpuTime() - cpu0;
        long wall = System.nanoTime() - wall0;
        long bytes = 0;
        for (Map.Entry<Long, Long> e : allocations().entrySet()) {
            bytes += e.getValue() - alloc0.getOrDefault(e.getKey(), 0L);
        }
        return new Sample(cpu, wall, bytes);
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
