package io.quarkiverse.claude.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.errors.InvalidRequestException;
import io.quarkiverse.claude.errors.NotFoundException;
import io.quarkiverse.claude.errors.RequestTooLargeException;
import io.quarkiverse.claude.model.DocumentBlock;
import io.quarkiverse.claude.model.FileMetadata;
import io.quarkiverse.claude.model.FilePage;
import io.quarkiverse.claude.model.ImageBlock;
import io.quarkiverse.claude.model.MessageParam;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.model.PageParams;
import io.quarkiverse.claude.model.TextBlock;
import io.quarkiverse.claude.testing.RecordedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The Files API against the simulator, with the default client (one attempt per call, betas configured): what the
 * simulator stored and saw, and what the caller gets.
 */
@QuarkusTest
@TestProfile(DefaultClientProfile.class)
class FilesTest extends SimulatorTest {

    private static final String CONFIGURED_BETAS = "prompt-caching-2024-07-31,token-efficient-tools-2025-02-19";
    private static final String FILES_BETA = "files-api-2025-04-14";

    @Inject
    ClaudeClient claude;

    @TempDir
    Path dir;

    static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }

    @Test
    void uploadFromAPathSendsAMultipartFilePartWithTheBetaMergedOnce() throws Exception {
        Path pdf = dir.resolve("report.pdf");
        byte[] content = bytes(300_000);
        Files.write(pdf, content);

        FileMetadata file = claude.files().upload(pdf);

        assertTrue(file.id().startsWith("file_"), file.id());
        assertEquals("file", file.type());
        assertEquals("report.pdf", file.filename());
        assertEquals("application/pdf", file.mimeType());
        assertEquals(300_000, file.sizeBytes());
        assertNotNull(file.createdAt());
        assertFalse(file.downloadable());
        assertArrayEquals(content, simulator.fileContent(file.id()), "the bytes arrived intact");

        RecordedRequest sent = simulator.lastRequest();
        assertEquals("POST", sent.method());
        assertEquals("/v1/files", sent.path());
        assertTrue(sent.header("content-type").startsWith("multipart/form-data; boundary="), sent.header("content-type"));
        assertEquals(CONFIGURED_BETAS + "," + FILES_BETA, sent.header("anthropic-beta"));
        assertEquals("file", sent.json().at("/parts/0/name").asText(), sent.body());
        assertEquals("report.pdf", sent.json().at("/parts/0/filename").asText());
        assertEquals("application/pdf", sent.json().at("/parts/0/content_type").asText());
        assertEquals(1, sent.json().path("parts").size());
    }

    @Test
    void uploadFromAnInputStreamReadsItToItsEndAndClosesIt() {
        byte[] content = bytes(100_000);
        boolean[] closed = { false };
        InputStream in = new ByteArrayInputStream(content) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        FileMetadata file = claude.files().upload(in, "data.csv", "text/csv");

        assertEquals("data.csv", file.filename());
        assertEquals("text/csv", file.mimeType());
        assertEquals(100_000, file.sizeBytes());
        assertArrayEquals(content, simulator.fileContent(file.id()));
        assertTrue(closed[0], "the stream was closed");
    }

    @Test
    void uploadAsyncFromAPath() throws Exception {
        Path png = dir.resolve("chart.png");
        Files.write(png, bytes(2000));
        FileMetadata file = claude.files().uploadAsync(png, "image/png").await().atMost(Duration.ofSeconds(20));
        assertEquals("image/png", file.mimeType());
        assertArrayEquals(bytes(2000), simulator.fileContent(file.id()));
    }

    @Test
    void listPagesNewestFirstAndRetrieveAndDelete() {
        String first = claude.files().upload(new ByteArrayInputStream(bytes(1)), "1.txt", "text/plain").id();
        String second = claude.files().upload(new ByteArrayInputStream(bytes(2)), "2.txt", "text/plain").id();
        String third = claude.files().upload(new ByteArrayInputStream(bytes(3)), "3.txt", "text/plain").id();

        FilePage page = claude.files().list(PageParams.first(2));
        assertEquals(List.of(third, second), page.data().stream().map(FileMetadata::id).toList());
        assertTrue(page.hasMore());
        assertEquals(third, page.firstId());
        assertEquals(second, page.lastId());
        assertTrue(simulator.lastRequest().query().contains("limit=2"), simulator.lastRequest().query());
        assertEquals(CONFIGURED_BETAS + "," + FILES_BETA, simulator.lastRequest().header("anthropic-beta"));

        FilePage next = claude.files().listAsync(PageParams.after(page.lastId(), 2)).await().atMost(Duration.ofSeconds(20));
        assertEquals(List.of(first), next.data().stream().map(FileMetadata::id).toList());
        assertFalse(next.hasMore());

        assertEquals("2.txt", claude.files().retrieve(second).filename());
        assertEquals(2, claude.files().retrieveAsync(second).await().atMost(Duration.ofSeconds(20)).sizeBytes());
        assertEquals("/v1/files/" + second, simulator.lastRequest().path());

        claude.files().delete(second);
        assertEquals("DELETE", simulator.lastRequest().method());
        claude.files().deleteAsync(third).await().atMost(Duration.ofSeconds(20));
        assertEquals(List.of(first), simulator.fileIds());

        NotFoundException gone = assertThrows(NotFoundException.class, () -> claude.files().retrieve(second));
        assertEquals("not_found_error", gone.errorType());
        assertThrows(NotFoundException.class, () -> claude.files().delete(second));
    }

    @Test
    void downloadStreamsTheContentAsAMultiAnInputStreamOrToAPath() throws Exception {
        byte[] content = bytes(1_500_000);
        String id = simulator.putDownloadableFile("out.bin", "application/octet-stream", content);

        byte[] collected = claude.files().content(id).collect().in(java.io.ByteArrayOutputStream::new,
                java.io.ByteArrayOutputStream::writeBytes).await().atMost(Duration.ofSeconds(20)).toByteArray();
        assertArrayEquals(content, collected);
        assertEquals("/v1/files/" + id + "/content", simulator.lastRequest().path());
        assertEquals(CONFIGURED_BETAS + "," + FILES_BETA, simulator.lastRequest().header("anthropic-beta"));

        try (InputStream in = claude.files().download(id)) {
            assertArrayEquals(content, in.readAllBytes());
        }

        Path target = dir.resolve("downloaded.bin");
        claude.files().download(id, target);
        assertArrayEquals(content, Files.readAllBytes(target));
    }

    @Test
    void closingADownloadEarlyStopsIt() throws Exception {
        String id = simulator.putDownloadableFile("big.bin", "application/octet-stream", bytes(8_000_000));
        try (InputStream in = claude.files().download(id)) {
            assertEquals(bytes(1)[0] & 0xff, in.read());
        }
        // the client is still usable afterwards
        assertEquals("big.bin", claude.files().retrieve(id).filename());
    }

    @Test
    void uploadedFilesAreNotDownloadable() {
        String id = claude.files().upload(new ByteArrayInputStream(bytes(5)), "mine.pdf", "application/pdf").id();
        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> claude.files().download(id).readAllBytes());
        assertTrue(refused.errorMessage().contains("not downloadable"), refused.errorMessage());
    }

    @Test
    void aMessageNamingAFileSendsTheBetaAndTypedFileSources() {
        String doc = claude.files().upload(new ByteArrayInputStream(bytes(50)), "paper.pdf", "application/pdf").id();
        String img = claude.files().upload(new ByteArrayInputStream(bytes(50)), "photo.png", "image/png").id();

        String answer = claude.messages().create(MessageRequest.builder()
                .addMessage(MessageParam.user(List.of(DocumentBlock.file(doc), ImageBlock.file(img),
                        new TextBlock("Compare them"))))
                .build()).text();

        assertNotNull(answer);
        RecordedRequest sent = simulator.lastRequest();
        assertEquals("/v1/messages", sent.path());
        assertEquals(CONFIGURED_BETAS + "," + FILES_BETA, sent.header("anthropic-beta"));
        assertEquals("{\"type\":\"file\",\"file_id\":\"" + doc + "\"}",
                sent.json().at("/messages/0/content/0/source").toString());
        assertEquals("{\"type\":\"file\",\"file_id\":\"" + img + "\"}",
                sent.json().at("/messages/0/content/1/source").toString());

        claude.ask("no file here");
        assertEquals(CONFIGURED_BETAS, simulator.lastRequest().header("anthropic-beta"),
                "the files beta only where a file is named");
    }

    @Test
    void aMessageNamingAFileThatDoesNotExistIsNotFound() {
        NotFoundException missing = assertThrows(NotFoundException.class, () -> claude.messages().create(
                MessageRequest.builder().addMessage(MessageParam.user(List.of(DocumentBlock.file("file_nope"),
                        new TextBlock("Summarise")))).build()));
        assertTrue(missing.errorMessage().contains("file_nope"), missing.errorMessage());
    }

    @Test
    void aFileOverTheLimitIsRefusedBeforeSending() throws Exception {
        Path huge = dir.resolve("huge.bin");
        try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
            sparse.setLength(500L * 1024 * 1024 + 1); // sparse: no disk is used
        }

        RequestTooLargeException refused = assertThrows(RequestTooLargeException.class,
                () -> claude.files().upload(huge));

        assertTrue(refused.errorMessage().contains("huge.bin"), refused.errorMessage());
        assertTrue(refused.errorMessage().contains("524288000"), refused.errorMessage());
        assertTrue(refused.errorMessage().contains("nothing was sent"), refused.errorMessage());
        assertNull(simulator.requests().isEmpty() ? null : simulator.lastRequest(), "nothing was sent");
    }

    @Test
    void badArgumentsFailAtOnceNamingTheFix() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> claude.files().upload(dir.resolve("absent.pdf")));
        assertTrue(missing.getMessage().contains("absent.pdf"), missing.getMessage());
        IllegalArgumentException noName = assertThrows(IllegalArgumentException.class,
                () -> claude.files().upload(new ByteArrayInputStream(bytes(1)), " ", "text/plain"));
        assertTrue(noName.getMessage().contains("filename"), noName.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DocumentBlock.file(""));
        assertTrue(simulator.requests().isEmpty());
    }
}
