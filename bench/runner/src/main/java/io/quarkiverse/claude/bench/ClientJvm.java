package io.quarkiverse.claude.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * One client of one measurement in a JVM of its own, so that the JIT work one client triggers is never charged to
 * another. The parent starts {@code java <its own JVM flags> -jar quarkus-run.jar child <args>}; the child (see
 * {@link ClientChild}) warms up, measures and prints its figures as one line {@code BENCH-RESULT <json>}, which
 * {@link #run} returns. Children die with the parent: each watches its stdin (a pipe from the parent, closed when the
 * parent dies however it dies) and the parent destroys any still running in a shutdown hook.
 */
final class ClientJvm {

    static final String RESULT = "BENCH-RESULT ";
    /** A line {@code BENCH-MARK <name>}: the child is at a point of its run the parent may act on (e.g. start). */
    static final String MARK = "BENCH-MARK ";
    /** Given to the processes the runner starts, so that they watch their stdin; one started by hand does not. */
    static final String DIE_WITH_PARENT_FLAG = "-Dbench.die-with-parent=true";

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
    }

    private ClientJvm() {
    }

    /** A child that failed, timed out or printed no result; its output's last lines are in the message. */
    static final class ChildFailed extends Exception {
        ChildFailed(String message) {
            super(message);
        }
    }

    /**
     * @param args what follows {@code child}: the measurement and the client, then their parameters
     * @param timeout how long the child may take, start-up and warm-up included; it is killed after that
     * @return the child's figures
     */
    static Map<String, Object> run(List<String> args, Duration timeout) throws IOException, InterruptedException,
            ChildFailed {
        return run(args, timeout, mark -> {
        });
    }

    /** @param onMark called with the name of each {@code BENCH-MARK} line, on the thread that reads the child */
    static Map<String, Object> run(List<String> args, Duration timeout, Consumer<String> onMark)
            throws IOException, InterruptedException, ChildFailed {
        return run(List.of(), args, timeout, onMark);
    }

    /** @param extraFlags JVM flags for this child only, after the parent's (e.g. {@code -Dquarkus.profile=…}) */
    static Map<String, Object> run(List<String> extraFlags, List<String> args, Duration timeout,
            Consumer<String> onMark) throws IOException, InterruptedException, ChildFailed {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmFlags());
        command.addAll(extraFlags);
        command.add(DIE_WITH_PARENT_FLAG);
        command.add("-jar");
        command.add(BenchApp.HOME.resolve("bench/runner/target/quarkus-app/quarkus-run.jar").toString());
        command.add("child");
        command.addAll(args);
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        RUNNING.add(child);
        String tag = String.join(" ", args);
        List<String> tail = new ArrayList<>();
        String[] result = new String[1];
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith(RESULT)) {
                        result[0] = line.substring(RESULT.length());
                    } else if (line.startsWith(MARK)) {
                        onMark.accept(line.substring(MARK.length()));
                    } else {
                        System.out.println("  [" + tag + "] " + line);
                        synchronized (tail) {
                            tail.add(line);
                            if (tail.size() > 20) {
                                tail.remove(0);
                            }
                        }
                    }
                }
            } catch (IOException ended) {
                // the child was killed
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!child.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                throw new ChildFailed("child [" + tag + "] did not finish within " + timeout.toSeconds()
                        + " s and was killed; " + lastLines(tail));
            }
            reader.join(5000);
            if (child.exitValue() != 0 || result[0] == null) {
                throw new ChildFailed("child [" + tag + "] exited with " + child.exitValue()
                        + (result[0] == null ? " without a result" : "") + "; " + lastLines(tail));
            }
            return BenchApp.MAPPER.readValue(result[0], new TypeReference<Map<String, Object>>() {
            });
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
            RUNNING.remove(child);
        }
    }

    /** @return why the child failed, as far as its output says: its last line naming an exception, else its last line */
    private static String lastLines(List<String> tail) {
        synchronized (tail) {
            for (int i = tail.size() - 1; i >= 0; i--) {
                String line = tail.get(i).trim();
                if (!line.startsWith("at ") && (line.contains("Exception") || line.contains("Error"))) {
                    return line;
                }
            }
            return tail.isEmpty() ? "(nothing)" : tail.get(tail.size() - 1);
        }
    }

    /**
     * The parent's own JVM flags (heap, GC, {@code -Dbench.*}), so that every child runs as the parent was asked to,
     * without a flight recording (two JVMs would write the same file); {@code -Dbench.child.jvm-args=…} adds flags to
     * the children only (e.g. a recording of one).
     */
    static List<String> jvmFlags() {
        List<String> flags = new ArrayList<>();
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!arg.startsWith("-XX:StartFlightRecording") && !arg.startsWith("-agentlib")
                    && !arg.startsWith("-javaagent") && !arg.equals(DIE_WITH_PARENT_FLAG)) {
                flags.add(arg);
            }
        }
        String extra = System.getProperty("bench.child.jvm-args", "").trim();
        if (!extra.isEmpty()) {
            flags.addAll(List.of(extra.split("\\s+")));
        }
        return flags;
    }

    /**
     * In a process the runner started ({@link #DIE_WITH_PARENT_FLAG}): end it when the runner is gone. The runner never
     * writes to the child's stdin, so its end of file means the runner closed it or died.
     */
    static void dieWithParent() {
        if (!Boolean.getBoolean("bench.die-with-parent")) {
            return;
        }
        Thread watch = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is ever sent
                }
            } catch (IOException e) {
                // the pipe broke: the same as its end
            }
            Runtime.getRuntime().halt(3);
        }, "die-with-parent");
        watch.setDaemon(true);
        watch.start();
    }

    /** @return a number of a child's figures, NaN when it is missing */
    static double num(Map<String, Object> figures, String key) {
        return figures.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** In the child: the one line the parent reads. */
    static void printResult(Map<String, Object> figures) throws IOException {
        System.out.println(RESULT + BenchApp.MAPPER.writeValueAsString(figures));
        System.out.flush();
    }
}
