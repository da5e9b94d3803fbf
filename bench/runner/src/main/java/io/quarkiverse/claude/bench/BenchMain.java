package io.quarkiverse.claude.bench;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * {@code java -jar quarkus-run.jar} runs every benchmark; {@code java -jar quarkus-run.jar fake-server <port>} is the
 * fixed-answer server the runner starts in its own process; {@code java -jar quarkus-run.jar child …} is one client of
 * one measurement in a JVM of its own ({@link ClientJvm}).
 */
@QuarkusMain
public class BenchMain {

    public static void main(String... args) throws Exception {
        if (args.length > 0 && args[0].equals("fake-server")) {
            FakeServer.main(new String[] { args[1] });
            return;
        }
        if (args.length > 0 && args[0].equals("child")) {
            Quarkus.run(ClientChild.class, java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Quarkus.run(BenchApp.class, args);
    }
}
