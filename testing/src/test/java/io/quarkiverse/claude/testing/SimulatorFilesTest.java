package io.quarkiverse.claude.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.anthropic.models.beta.files.BetaFileMetadata;
import com.anthropic.models.beta.files.FileDeleteParams;
import com.anthropic.models.beta.files.FileDownloadParams;
import com.anthropic.models.beta.files.FileListParams;
import com.anthropic.models.beta.files.FileRetrieveMetadataParams;
import com.anthropic.models.beta.files.FileUploadParams;
import com.anthropic.models.beta.messages.BetaContentBlockParam;
import com.anthropic.models.beta.messages.BetaMessage;
import com.anthropic.models.beta.messages.BetaRequestDocumentBlock;
import com.anthropic.models.beta.messages.BetaTextBlockParam;
import com.anthropic.models.beta.messages.MessageCreateParams;
import com.fasterxml.jackson.databind.JsonNode;

/** The Files API over plain HTTP and through the official SDK: each route, paging, the beta header, the size limit. */
class SimulatorFilesTest {

    @RegisterExtension
    static final RunningSimulator running = new RunningSimulator();

    @RegisterExtension
    static final RunningSimulator small = new RunningSimulator(SimulatorOptions.defaults().maxFileBytes(1000));

    private static final String BETA = "files-api-2025-04-14";
    private static final String BOUNDARY = "simulator-test-boundary";

    static Map<String, String> filesHeaders() {
        Map<String, String> h = Http.apiHeaders();
        h.put("anthropic-beta", "other-beta-2025-01-01, " + BETA);
        return h;
    }

    /** A multipart body with one part named {@code part}, as a browser or an SDK would write it. */
    static byte[] multipart(String part, String filename, String contentType, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                + filename + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static HttpResponse<String> upload(RunningSimulator sim, Map<String, String> headers, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.sim().baseUrl() + "/v1/files"))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (!name.equals("content-type")) {
                b.header(name, value);
            }
        });
        b.header("content-type", "multipart/form-data; boundary=" + BOUNDARY);
        return sim.http().client().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode uploaded(String filename, byte[] content) throws Exception {
        HttpResponse<String> r = upload(running, filesHeaders(), multipart("file", filename, "application/pdf", content));
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r);
    }

    static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + 7); // every byte value, no text
        }
        return b;
    }

    @Test
    void uploadStoresTheFileAndAnswersItsMetadata() throws Exception {
        byte[] content = bytes(70_000);
        JsonNode file = uploaded("report.pdf", content);

        assertTrue(file.path("id").asText().matches("file_sim_\\d+"), file.toString());
        assertEquals("file", file.path("type").asText());
        assertEquals("report.pdf", file.path("filename").asText());
        assertEquals("application/pdf", file.path("mime_type").asText());
        assertEquals(70_000, file.path("size_bytes").asLong());
        assertFalse(file.path("downloadable").asBoolean(true), "uploaded files are not downloadable");
        OffsetDateTime.parse(file.path("created_at").asText());
        assertArrayEquals(content, running.sim().fileContent(file.path("id").asText()));
        JsonNode recorded = running.sim().requests().get(0).json();
        assertEquals("file", recorded.path("parts").get(0).path("name").asText(), recorded.toString());
        assertEquals("application/pdf", recorded.path("parts").get(0).path("content_type").asText());
    }

    @Test
    void everyRouteWantsTheBetaHeader() throws Exception {
        String id = uploaded("a.txt", bytes(10)).path("id").asText();
        Map<String, String> without = Http.apiHeaders();
        List<HttpResponse<String>> answers = List.of(
                upload(running, without, multipart("file", "b.txt", "text/plain", bytes(10))),
                running.http().send("GET", "/v1/files", null, without),
                running.http().send("GET", "/v1/files/" + id, null, without),
                running.http().send("GET", "/v1/files/" + id + "/content", null, without),
                running.http().send("DELETE", "/v1/files/" + id, null, without));
        for (HttpResponse<String> r : answers) {
            assertEquals(400, r.statusCode(), r.body());
            assertEquals("invalid_request_error", Http.json(r).path("error").path("type").asText());
            assertTrue(Http.json(r).path("error").path("message").asText().contains(BETA), r.body());
        }
        assertEquals(List.of(id), running.sim().fileIds(), "the refused upload was not stored");
    }

    @Test
    void uploadWithoutAFilePartIsRefused() throws Exception {
        HttpResponse<String> r = upload(running, filesHeaders(), multipart("document", "a.txt", "text/plain", bytes(5)));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(Http.json(r).path("error").path("message").asText().contains("file"), r.body());
        assertEquals(List.of(), running.sim().fileIds());
    }

    @Test
    void listPagesNewestFirst() throws Exception {
        String first = uploaded("1.txt", bytes(1)).path("id").asText();
        String second = uploaded("2.txt", bytes(2)).path("id").asText();
        String third = uploaded("3.txt", bytes(3)).path("id").asText();

        JsonNode page = Http.json(running.http().send("GET", "/v1/files?limit=2", null, filesHeaders()));
        assertEquals(2, page.path("data").size());
        assertEquals(third, page.path("first_id").asText());
        assertEquals(second, page.path("last_id").asText());
        assertTrue(page.path("has_more").asBoolean());
        assertEquals(second, page.path("next_page").asText(), "the cursor of the newer paging");
        JsonNode byCursor = Http.json(running.http().send("GET", "/v1/files?limit=2&page=" + second, null,
                filesHeaders()));
        assertEquals(first, byCursor.path("data").get(0).path("id").asText());
        assertTrue(byCursor.path("next_page").isNull());

        JsonNode next = Http.json(running.http().send("GET", "/v1/files?limit=2&after_id=" + second, null,
                filesHeaders()));
        assertEquals(1, next.path("data").size());
        assertEquals(first, next.path("data").get(0).path("id").asText());
        assertFalse(next.path("has_more").asBoolean());

        JsonNode before = Http.json(running.http().send("GET", "/v1/files?limit=5&before_id=" + second, null,
                filesHeaders()));
        assertEquals(third, before.path("data").get(0).path("id").asText());
        assertEquals(1, before.path("data").size());
    }

    @Test
    void retrieveAndDeleteAndUnknownIds() throws Exception {
        String id = uploaded("x.pdf", bytes(100)).path("id").asText();

        JsonNode meta = Http.json(running.http().send("GET", "/v1/files/" + id, null, filesHeaders()));
        assertEquals(100, meta.path("size_bytes").asLong());

        HttpResponse<String> deleted = running.http().send("DELETE", "/v1/files/" + id, null, filesHeaders());
        assertEquals(200, deleted.statusCode(), deleted.body());
        assertEquals("file_deleted", Http.json(deleted).path("type").asText());
        assertEquals(id, Http.json(deleted).path("id").asText());

        for (HttpResponse<String> r : List.of(running.http().send("GET", "/v1/files/" + id, null, filesHeaders()),
                running.http().send("DELETE", "/v1/files/" + id, null, filesHeaders()),
                running.http().send("GET", "/v1/files/file_nope/content", null, filesHeaders()))) {
            assertEquals(404, r.statusCode(), r.body());
            assertEquals("not_found_error", Http.json(r).path("error").path("type").asText());
        }
    }

    @Test
    void downloadServesTheContentOfDownloadableFilesOnly() throws Exception {
        byte[] content = bytes(200_000);
        String id = running.sim().putDownloadableFile("chart.png", "image/png", content);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(running.sim().baseUrl() + "/v1/files/" + id + "/content"));
        filesHeaders().forEach(b::header);
        HttpResponse<byte[]> r = running.http().client().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertEquals("image/png", r.headers().firstValue("content-type").orElse(""));
        assertArrayEquals(content, r.body());

        String uploadedId = uploaded("mine.pdf", bytes(10)).path("id").asText();
        HttpResponse<String> refused = running.http().send("GET", "/v1/files/" + uploadedId + "/content", null,
                filesHeaders());
        assertEquals(400, refused.statusCode(), refused.body());
    }

    @Test
    void aFileOverTheLimitIsRefusedAndNotStored() throws Exception {
        HttpResponse<String> r = upload(small, filesHeaders(), multipart("file", "big.bin", "application/octet-stream",
                bytes(1001)));
        assertEquals(413, r.statusCode(), r.body());
        assertEquals("request_too_large", Http.json(r).path("error").path("type").asText());
        assertEquals(List.of(), small.sim().fileIds());

        HttpResponse<String> fits = upload(small, filesHeaders(), multipart("file", "ok.bin",
                "application/octet-stream", bytes(1000)));
        assertEquals(200, fits.statusCode(), fits.body());
    }

    @Test
    void messagesNamingAFileNeedTheBetaAndAFileThatExists() throws Exception {
        String id = uploaded("doc.pdf", bytes(10)).path("id").asText();
        String body = "{\"model\":\"claude-opus-4-8\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":["
                + "{\"type\":\"document\",\"source\":{\"type\":\"file\",\"file_id\":\"%s\"}},"
                + "{\"type\":\"text\",\"text\":\"Summarise\"}]}]}";

        HttpResponse<String> ok = running.http().send("POST", "/v1/messages", body.formatted(id), filesHeaders());
        assertEquals(200, ok.statusCode(), ok.body());

        HttpResponse<String> noBeta = running.http().post("/v1/messages", body.formatted(id));
        assertEquals(400, noBeta.statusCode(), noBeta.body());
        assertTrue(noBeta.body().contains(BETA), noBeta.body());

        HttpResponse<String> unknown = running.http().send("POST", "/v1/messages", body.formatted("file_nope"),
                filesHeaders());
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertEquals("not_found_error", Http.json(unknown).path("error").path("type").asText());
    }

    /**
     * What the official SDK sends, the simulator takes, and answers in a shape the SDK reads. The SDK 3.13 sends the
     * Files API's beta only when the call's params name it, as here.
     */
    @Test
    void theOfficialSdkUploadsListsRetrievesDownloadsAndDeletes(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("paper.pdf");
        byte[] content = bytes(50_000);
        Files.write(pdf, content);
        var files = running.sdk().beta().files();

        BetaFileMetadata uploaded = files.upload(FileUploadParams.builder().file(pdf).addBeta(BETA).build());
        assertEquals("paper.pdf", uploaded.filename());
        assertEquals(50_000, uploaded.sizeBytes());
        assertEquals("application/pdf", uploaded.mimeType(), "the SDK sends application/octet-stream: named by the file");
        assertArrayEquals(content, running.sim().fileContent(uploaded.id()));

        assertEquals(uploaded.id(), files.list(FileListParams.builder().addBeta(BETA).build()).data().get(0).id());
        assertEquals("paper.pdf", files.retrieveMetadata(FileRetrieveMetadataParams.builder().fileId(uploaded.id())
                .addBeta(BETA).build()).filename());

        String downloadable = running.sim().putDownloadableFile("out.csv", "text/csv", bytes(3000));
        try (com.anthropic.core.http.HttpResponse r = files.download(FileDownloadParams.builder().fileId(downloadable)
                .addBeta(BETA).build()); InputStream in = r.body()) {
            assertArrayEquals(bytes(3000), in.readAllBytes());
        }

        files.delete(FileDeleteParams.builder().fileId(uploaded.id()).addBeta(BETA).build());
        assertEquals(List.of(downloadable), running.sim().fileIds());

        BetaMessage answer = running.sdk().beta().messages().create(MessageCreateParams.builder()
                .model("claude-opus-4-8").maxTokens(10).addBeta(BETA)
                .addUserMessageOfContentBlockParams(List.of(
                        BetaContentBlockParam.ofDocument(BetaRequestDocumentBlock.builder().fileSource(downloadable)
                                .build()),
                        BetaContentBlockParam.ofText(BetaTextBlockParam.builder().text("Summarise").build())))
                .build());
        assertFalse(answer.content().isEmpty());
    }

    /** Without the beta in its params, the SDK 3.13 sends none, and the API (and so the simulator) refuses the call. */
    @Test
    void theOfficialSdkWithoutTheBetaIsRefused() {
        com.anthropic.errors.BadRequestException refused = org.junit.jupiter.api.Assertions.assertThrows(
                com.anthropic.errors.BadRequestException.class, () -> running.sdk().beta().files().list());
        assertTrue(refused.getMessage().contains(BETA), refused.getMessage());
    }
}
