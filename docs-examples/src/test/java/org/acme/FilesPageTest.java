package org.acme;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.ClaudeSimulatorTestResource;
import io.quarkiverse.claude.testing.InjectClaudeSimulator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The Files page: each example does what the page says. */
@QuarkusTest
@QuarkusTestResource(ClaudeSimulatorTestResource.class)
class FilesPageTest {

    @InjectClaudeSimulator
    ClaudeSimulator simulator;

    @Inject
    ContractFiles files;

    @TempDir
    Path dir;

    @Test
    void theContractIsUploadedNamedInThePromptAndDeleted() throws Exception {
        simulator.reset();
        Path contract = dir.resolve("contract.pdf");
        Files.writeString(contract, "%PDF-1.7 a contract");

        String answer = files.ask(contract, "Who are the parties?");

        assertTrue(answer.contains("Who are the parties?"), answer);
        String fileId = simulator.requests("/v1/messages").get(0).json().at("/messages/0/content/0/source/file_id")
                .asText();
        assertTrue(fileId.startsWith("file_"), fileId);
        assertEquals("files-api-2025-04-14", simulator.requests("/v1/messages").get(0).header("anthropic-beta"),
                "the page says the call sends the beta because its content names a file");
        assertEquals(List.of(), simulator.fileIds(), "deleted afterwards");
    }

    @Test
    void streamsAreStoredAndListedAndToolFilesSaved() throws Exception {
        simulator.reset();
        String id = files.store(new ByteArrayInputStream("%PDF-1.7 scan".getBytes(StandardCharsets.UTF_8)), "scan.pdf");
        assertArrayEquals("%PDF-1.7 scan".getBytes(StandardCharsets.UTF_8), simulator.fileContent(id));
        files.store(new ByteArrayInputStream(new byte[10]), "second.pdf");
        assertEquals(List.of("second.pdf", "scan.pdf"), files.names());

        String chart = simulator.putDownloadableFile("chart.png", "image/png", new byte[] { 1, 2, 3 });
        Path target = dir.resolve("chart.png");
        files.save(chart, target);
        assertArrayEquals(new byte[] { 1, 2, 3 }, Files.readAllBytes(target));
    }
}
