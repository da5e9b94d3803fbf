import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Starts Quarkus apps alternately and reads, at the first served GET /hello: wall ms since the process start, the
 * main thread's CPU (schedstat, ns), the whole process's CPU (/proc/pid/stat utime+stime, ticks, includes ended
 * threads) and its RSS.
 *
 * java bench/startup/StartupCpu.java RUNS PORT label=path/quarkus-run.jar ... [-- extra JVM args]
 */
public class StartupCpu {

    record Sample(double wallMs, double mainCpuMs, double procCpuMs, double rssMb) {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        int port = Integer.parseInt(args[1]);
        Map<String, String> apps = new LinkedHashMap<>();
        List<String> jvm = new ArrayList<>();
        boolean extra = false;
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("--")) {
                extra = true;
            } else if (extra) {
                jvm.add(args[i]);
            } else {
                String[] kv = args[i].split("=", 2);
                apps.put(kv[0], kv[1]);
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        apps.keySet().forEach(k -> samples.put(k, new ArrayList<>()));
        List<String> order = new ArrayList<>(apps.keySet());
        String loadStart = Files.readString(Path.of("/proc/loadavg")).trim();
        for (int run = 0; run <= runs; run++) {
            for (int j = 0; j < order.size(); j++) {
                // rotate the order each round, so that no app always follows the same one
                String label = order.get((j + run) % order.size());
                List<String> cmd = new ArrayList<>();
                cmd.add(java);
                cmd.addAll(jvm);
                cmd.add("-Dquarkus.http.port=" + port);
                cmd.add("-Dquarkus.http.host=127.0.0.1");
                cmd.add("-jar");
                cmd.add(apps.get(label));
                Sample s = once(cmd, port);
                if (run > 0) {
                    samples.get(label).add(s);
                }
            }
        }
        String loadEnd = Files.readString(Path.of("/proc/loadavg")).trim();
        System.out.println("runs " + runs + " each; loadavg start [" + loadStart + "] end [" + loadEnd + "]");
        System.out.println("| app | median wall ms | median main-thread CPU ms | mean main-thread CPU ms | median process CPU ms | median RSS MB |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (var e : samples.entrySet()) {
            List<Sample> l = e.getValue();
            System.out.println(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.1f | %.0f | %.1f |", e.getKey(),
                    median(l.stream().mapToDouble(Sample::wallMs).toArray()),
                    median(l.stream().mapToDouble(Sample::mainCpuMs).toArray()),
                    l.stream().mapToDouble(Sample::mainCpuMs).average().orElse(0),
                    median(l.stream().mapToDouble(Sample::procCpuMs).toArray()),
                    median(l.stream().mapToDouble(Sample::rssMb).toArray())));
        }
        // Each app against the first, round by round: the rounds share the machine's state, so the paired
        // difference is much tighter than the difference of two medians.
        List<Sample> base = samples.get(order.get(0));
        System.out.println("| app − " + order.get(0) + ", paired by round | wall ms | main-thread CPU ms | process CPU ms |");
        System.out.println("|---|---:|---:|---:|");
        for (String label : order.subList(1, order.size())) {
            List<Sample> l = samples.get(label);
            System.out.println(String.format(Locale.ROOT, "| %s | %s | %s | %s |", label,
                    paired(base, l, Sample::wallMs), paired(base, l, Sample::mainCpuMs), paired(base, l, Sample::procCpuMs)));
        }
        for (var e : samples.entrySet()) {
            System.out.println(e.getKey() + " main-thread CPU ms: "
                    + e.getValue().stream().map(s -> String.format(Locale.ROOT, "%.0f", s.mainCpuMs())).toList());
        }
    }

    /** Mean of the per-round differences, ± the half-width of its 95 % interval (normal approximation). */
    static String paired(List<Sample> base, List<Sample> other, java.util.function.ToDoubleFunction<Sample> metric) {
        int n = Math.min(base.size(), other.size());
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = metric.applyAsDouble(other.get(i)) - metric.applyAsDouble(base.get(i));
        }
        double mean = Arrays.stream(d).average().orElse(0);
        double var = Arrays.stream(d).map(x -> (x - mean) * (x - mean)).sum() / Math.max(1, n - 1);
        return String.format(Locale.ROOT, "%+.1f ± %.1f (median %+.0f)", mean, 1.96 * Math.sqrt(var / n), median(d));
    }

    static Sample once(List<String> cmd, int port) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            while (!served(port)) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("exited: " + cmd);
                }
                Thread.sleep(2);
            }
            double wall = (System.nanoTime() - t0) / 1e6;
            long pid = p.pid();
            double main = 0;
            try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
                for (Path t : tasks.toList()) {
                    // the launcher's primordial thread and the Java main thread are both "java"; the first only waits
                    if (Files.readString(t.resolve("comm")).trim().equals("java")) {
                        main += Long.parseLong(Files.readString(t.resolve("schedstat")).split(" ")[0]) / 1e6;
                    }
                }
            }
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double proc = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0; // utime, stime (fields 14, 15)
            double rss = 0;
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
            return new Sample(wall, main, proc, rss);
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    static boolean served(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write(("GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] head = in.readNBytes(12);
            return new String(head, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200");
        } catch (IOException e) {
            return false;
        }
    }

    static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }
}
