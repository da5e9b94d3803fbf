package io.quarkiverse.claude.bench;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * {@code java -jar quarkus-run.jar} runs every benchmark; {@code java -jar quarkus-run.jar fake-server <port>} is the
 * fixed-answer server the runner starts in its own process; {@code java -jar quarkus-run.jar child …} is one client of
 * one measurement in a JVM of its own ({@link ClientJvm}); {@code java -jar quarkus-run.jar child replica …} is one
 * application process of the storm across replicas ({@link StormReplica}).
 */
@QuarkusMain
public class BenchMain {

    public static void main(String... args) throws Exception {
        if (args.length > 0 && args[0].equals("fake-server")) {
            FakeServer.main(new String[] { args[1] });
            return;
        }
        if (args.length > 1 && args[0].equals("child") && args[1].equals("replica")) {
            Quarkus.run(StormReplica.class, java.util.Arrays.copyOfRange(args, 2, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("child")) {
            Quarkus.run(ClientChild.class, java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Quarkus.run(BenchApp.class, args);
    }
}
