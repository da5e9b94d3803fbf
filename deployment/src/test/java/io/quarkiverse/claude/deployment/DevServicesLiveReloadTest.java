package io.quarkiverse.claude.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.logging.Level;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.RestAssured;

/**
 * Dev mode with the Dev Services simulator: a live reload keeps the simulator (same URL, and its message ids go on
 * counting), a change of its scenario replaces it (the old one stops listening), and it stops with dev mode. Nothing
 * is logged as an ERROR on the way: in particular no probe for Docker, which the simulator does not need.
 */
class DevServicesLiveReloadTest {

    private static final int HTTP_PORT = freePort();

    /** The simulator the application used last; checked once dev mode has ended. */
    private static volatile String lastBaseUrl;

    // Registered before dev mode, so that JUnit runs its afterAll after dev mode's own.
    @RegisterExtension
    @Order(1)
    static final AfterAllCallback SIMULATOR_STOPS_WITH_DEV_MODE = context -> {
        if (lastBaseUrl != null) {
            assertRefused(lastBaseUrl);
        }
    };

    @RegisterExtension
    @Order(2)
    static final QuarkusDevModeTest DEV_MODE = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClass(DevServicesLiveReloadResource.class)
                    .addAsResource(new StringAsset("quarkus.claude.model=claude-sonnet-4-6\n"
                            + "quarkus.http.host=127.0.0.1\n"
                            + "quarkus.http.port=" + HTTP_PORT + "\n"), "application.properties"))
            .setLogRecordPredicate(record -> record.getLevel().intValue() >= Level.SEVERE.intValue());

    @Test
    void theSimulatorOutlivesALiveReloadAndFollowsItsScenario() {
        RestAssured.port = HTTP_PORT;
        Call first = call();
        assertTrue(first.baseUrl().startsWith("http://127.0.0.1:"), first.baseUrl());
        assertEquals("Echo: before the reload", first.text());

        DEV_MODE.modifySourceFile(DevServicesLiveReloadResource.class,
                source -> source.replace("before the reload", "after the reload"));
        Call second = call();

        assertEquals("Echo: after the reload", second.text(), "the application was reloaded");
        assertEquals(first.baseUrl(), second.baseUrl(), "the same simulator serves the reloaded application");
        assertEquals(first.messageNumber() + 1, second.messageNumber(),
                "the simulator's message ids go on counting: it is the same instance, not a new one on the same port");

        DEV_MODE.modifyResourceFile("application.properties",
                properties -> properties + "quarkus.claude.devservices.latency=1ms\n");
        Call third = call();

        assertNotEquals(first.baseUrl(), third.baseUrl(), "a new scenario gets a new simulator");
        assertEquals(1, third.messageNumber(), "the new simulator counts from 1");
        assertRefused(first.baseUrl());
        lastBaseUrl = third.baseUrl();
        assertEquals(List.of(), DEV_MODE.getLogRecords().stream()
                .map(record -> record.getLoggerName() + ": " + record.getMessage()).toList(),
                "no ERROR: in particular no probe for Docker, which the simulator does not need");
    }

    private static Call call() {
        List<String> lines = RestAssured.get("/claude").then().statusCode(200).extract().asString().lines().toList();
        String id = lines.get(1);
        assertTrue(id.startsWith("msg_sim_"), id);
        return new Call(lines.get(0), Integer.parseInt(id.substring("msg_sim_".length())), lines.get(2));
    }

    private record Call(String baseUrl, int messageNumber, String text) {
    }

    private static void assertRefused(String baseUrl) {
        URI uri = URI.create(baseUrl);
        assertThrows(ConnectException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2000);
            }
        }, "nothing listens at " + baseUrl + " any more");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
