package io.quarkiverse.claude.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.beta.files.FileDeleteParams;
import com.anthropic.models.beta.files.FileDownloadParams;
import com.anthropic.models.beta.files.FileListParams;
import com.anthropic.models.beta.files.FileRetrieveMetadataParams;
import com.anthropic.models.beta.files.FileUploadParams;
import com.anthropic.models.beta.messages.BetaContentBlockParam;
import com.anthropic.models.beta.messages.BetaImageBlockParam;
import com.anthropic.models.beta.messages.BetaRequestDocumentBlock;
import com.anthropic.models.beta.messages.BetaTextBlockParam;
import com.anthropic.models.beta.messages.MessageCreateParams;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.model.DocumentBlock;
import io.quarkiverse.claude.model.ImageBlock;
import io.quarkiverse.claude.model.MessageParam;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.model.PageParams;
import io.quarkiverse.claude.model.TextBlock;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.RecordedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Wire fidelity of the Files API against the official Java SDK 3.13 ({@code client.beta().files()}), both captured by
 * the simulator: the same method, path, query, beta and multipart part for each call, and the same Messages body for
 * file sources. Where they differ on purpose, the test says so: the SDK sends the Files beta only when the call's
 * params name it (so it is named here), and sends every file part as {@code application/octet-stream}, where ours sends
 * the type of the file's name (so the upload compared here passes that type itself).
 */
@QuarkusTest
@TestProfile(DefaultClientProfile.class)
class SdkFilesFidelityTest extends SimulatorTest {

    private static final String BETA = "files-api-2025-04-14";
    private static AnthropicClient sdk;

    @Inject
    ClaudeClient claude;

    @TempDir
    Path dir;

    @BeforeEach
    void sdk() {
        if (sdk == null) {
            sdk = AnthropicOkHttpClient.builder().baseUrl(simulator.baseUrl()).apiKey(ClaudeSimulator.DEFAULT_API_KEY)
                    .maxRetries(0).build();
        }
    }

    @AfterAll
    static void closeSdk() {
        if (sdk != null) {
            sdk.close();
            sdk = null;
        }
    }

    private RecordedRequest last() {
        return simulator.lastRequest();
    }

    /** The configured betas come first in ours; the Files beta must be in both. */
    private static void assertBothSendTheBeta(RecordedRequest sdkRequest, RecordedRequest ours) {
        assertEquals(BETA, sdkRequest.header("anthropic-beta"));
        assertTrue(List.of(ours.header("anthropic-beta").split(",")).contains(BETA), ours.header("anthropic-beta"));
    }

    private static void assertSameCall(RecordedRequest sdkRequest, RecordedRequest ours) {
        assertEquals(sdkRequest.method(), ours.method());
        assertEquals(sdkRequest.path(), ours.path());
        assertEquals(sdkRequest.query(), ours.query());
        assertBothSendTheBeta(sdkRequest, ours);
    }

    @Test
    void uploadSendsTheSameMultipartPart() throws Exception {
        Path file = dir.resolve("data.bin");
        Files.write(file, new byte[] { 1, 2, 3, 4, 5 });

        sdk.beta().files().upload(FileUploadParams.builder().file(file).addBeta(BETA).build());
        RecordedRequest sdkRequest = last();
        claude.files().upload(file, "application/octet-stream");
        RecordedRequest ours = last();

        assertSameCall(sdkRequest, ours);
        assertTrue(sdkRequest.header("content-type").startsWith("multipart/form-data; boundary="));
        assertTrue(ours.header("content-type").startsWith("multipart/form-data; boundary="));
        // each part's name, filename, content type and size, as the simulator read them
        assertEquals(sdkRequest.json().path("parts"), ours.json().path("parts"));
        assertEquals(sdkRequest.json().path("attributes"), ours.json().path("attributes"));
    }

    @Test
    void listRetrieveDownloadAndDeleteAreTheSameRequests() throws Exception {
        String a = claude.files().upload(new java.io.ByteArrayInputStream(new byte[] { 1 }), "a.txt", "text/plain").id();
        String b = claude.files().upload(new java.io.ByteArrayInputStream(new byte[] { 2 }), "b.txt", "text/plain").id();

        // the SDK pages with the opaque cursor of next_page
        com.anthropic.models.beta.files.FileListPage sdkPage = sdk.beta().files().list(FileListParams.builder()
                .limit(1).addBeta(BETA).build());
        RecordedRequest sdkFirst = last();
        io.quarkiverse.claude.model.FilePage ours = claude.files().list(PageParams.first(1));
        assertSameCall(sdkFirst, last());
        assertEquals(sdkPage.nextPageRaw(), ours.nextPage());
        sdk.beta().files().list(sdkPage.nextPageParams());
        RecordedRequest sdkList = last();
        io.quarkiverse.claude.model.FilePage second = claude.files().list(ours.nextPage().get(), 1);
        assertSameCall(sdkList, last());
        assertEquals(a, second.data().get(0).id());

        sdk.beta().files().retrieveMetadata(FileRetrieveMetadataParams.builder().fileId(a).addBeta(BETA).build());
        RecordedRequest sdkRetrieve = last();
        claude.files().retrieve(a);
        assertSameCall(sdkRetrieve, last());

        String out = simulator.putDownloadableFile("out.csv", "text/csv", new byte[] { 9 });
        try (com.anthropic.core.http.HttpResponse r = sdk.beta().files().download(
                FileDownloadParams.builder().fileId(out).addBeta(BETA).build()); InputStream in = r.body()) {
            in.readAllBytes();
        }
        RecordedRequest sdkDownload = last();
        try (InputStream in = claude.files().download(out)) {
            in.readAllBytes();
        }
        assertSameCall(sdkDownload, last());

        sdk.beta().files().delete(FileDeleteParams.builder().fileId(a).addBeta(BETA).build());
        RecordedRequest sdkDelete = last();
        claude.files().delete(b);
        RecordedRequest oursDelete = last();
        assertEquals(sdkDelete.method(), oursDelete.method());
        assertEquals(sdkDelete.path().replace(a, "ID"), oursDelete.path().replace(b, "ID"));
        assertBothSendTheBeta(sdkDelete, oursDelete);
    }

    @Test
    void fileSourcesInAMessageAreTheSameJson() throws Exception {
        String doc = claude.files().upload(new java.io.ByteArrayInputStream(new byte[] { 1 }), "p.pdf", "application/pdf")
                .id();
        String img = claude.files().upload(new java.io.ByteArrayInputStream(new byte[] { 1 }), "i.png", "image/png").id();

        sdk.beta().messages().create(MessageCreateParams.builder().model("claude-sonnet-4-6").maxTokens(100)
                .addBeta(BETA)
                .addUserMessageOfContentBlockParams(List.of(
                        BetaContentBlockParam.ofDocument(BetaRequestDocumentBlock.builder().fileSource(doc).build()),
                        BetaContentBlockParam.ofImage(BetaImageBlockParam.builder().fileSource(img).build()),
                        BetaContentBlockParam.ofText(BetaTextBlockParam.builder().text("Compare").build())))
                .build());
        RecordedRequest sdkRequest = last();
        claude.messages().create(MessageRequest.builder().model("claude-sonnet-4-6").maxTokens(100)
                .addMessage(MessageParam.user(List.of(DocumentBlock.file(doc), ImageBlock.file(img),
                        new TextBlock("Compare"))))
                .build());
        RecordedRequest ours = last();

        assertEquals(sdkRequest.json().path("messages"), ours.json().path("messages"));
        assertBothSendTheBeta(sdkRequest, ours);
    }
}
