package io.quarkiverse.claude.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.ClaudeClientName;
import io.quarkiverse.claude.errors.OverloadedException;
import io.quarkiverse.claude.model.FileMetadata;
import io.quarkiverse.claude.testing.Fault;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The resilience policy on the Files API ("retrying": the default retry counts, waits of tens of ms): an upload is
 * retried when its source can be read again, and not when it was a stream already read; a download is retried before
 * its first byte.
 */
@QuarkusTest
@TestProfile(ResilienceProfile.class)
class FilesResilienceTest extends SimulatorTest {

    @Inject
    @ClaudeClientName("retrying")
    ClaudeClient retrying;

    /** resilience.attempt-timeout=400ms */
    @Inject
    @ClaudeClientName("short-attempts")
    ClaudeClient shortAttempts;

    @TempDir
    Path dir;

    @Test
    void anUploadIsNotCutAtTheAttemptTimeoutOfJsonCalls() throws Exception {
        Path pdf = dir.resolve("slow.pdf");
        Files.write(pdf, FilesTest.bytes(1000));
        simulator.enqueue(Fault.delay(Duration.ofMillis(1500)));

        FileMetadata file = shortAttempts.files().upload(pdf);

        assertEquals(1000, file.sizeBytes());
        assertEquals(1, simulator.requests("/v1/files").size());
        // the control: a JSON call of the same client is cut at 400 ms
        simulator.always(Fault.delay(Duration.ofMillis(1500)));
        assertThrows(io.quarkiverse.claude.errors.ClientTimeoutException.class,
                () -> shortAttempts.files().retrieve(file.id()));
    }

    @Test
    void anUploadFromAPathIsRetriedWholeAfterA529() throws Exception {
        Path pdf = dir.resolve("report.pdf");
        byte[] content = FilesTest.bytes(200_000);
        Files.write(pdf, content);
        simulator.enqueue(Fault.overloaded());

        FileMetadata file = retrying.files().upload(pdf);

        assertEquals(2, simulator.requests("/v1/files").size(), "one 529, one retry");
        assertEquals(200_000, file.sizeBytes());
        assertArrayEquals(content, simulator.fileContent(file.id()), "the retry sent the whole file again");
    }

    @Test
    void anUploadFromAStreamAlreadyReadIsNotRetriedAndSaysWhy() {
        simulator.enqueue(Fault.overloaded());
        boolean[] closed = { false };
        InputStream in = new ByteArrayInputStream(FilesTest.bytes(50_000)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        OverloadedException failure = assertThrows(OverloadedException.class,
                () -> retrying.files().upload(in, "data.bin", "application/octet-stream"));

        assertEquals(1, simulator.requests("/v1/files").size(), "no retry: the stream had been sent");
        assertEquals(529, failure.status());
        assertTrue(failure.getMessage().contains("Not retried"), failure.getMessage());
        assertTrue(failure.getMessage().contains("50000 bytes of the InputStream uploaded as data.bin"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("upload from a Path"), failure.getMessage());
        assertTrue(closed[0], "the stream was closed");
        assertTrue(simulator.fileIds().isEmpty());
    }

    @Test
    void anAsyncUploadFromAStreamIsNotRetriedEither() {
        simulator.enqueue(Fault.overloaded());
        OverloadedException failure = assertThrows(OverloadedException.class,
                () -> retrying.files().uploadAsync(new ByteArrayInputStream(FilesTest.bytes(1000)), "a.bin", null)
                        .await().atMost(Duration.ofSeconds(20)));
        assertEquals(1, simulator.requests("/v1/files").size());
        assertTrue(failure.getMessage().contains("Not retried"), failure.getMessage());
    }

    @Test
    void aDownloadIsRetriedBeforeItsFirstByte() throws Exception {
        byte[] content = FilesTest.bytes(300_000);
        String id = simulator.putDownloadableFile("out.bin", "application/octet-stream", content);
        simulator.enqueue(Fault.overloaded());

        try (InputStream in = retrying.files().download(id)) {
            assertArrayEquals(content, in.readAllBytes());
        }
        assertEquals(2, simulator.requests("/v1/files/" + id + "/content").size());
    }
}
