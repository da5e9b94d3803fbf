package org.acme;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.model.DocumentBlock;
import io.quarkiverse.claude.model.FileMetadata;
import io.quarkiverse.claude.model.FilePage;
import io.quarkiverse.claude.model.MessageParam;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.model.PageParams;
import io.quarkiverse.claude.model.TextBlock;

@ApplicationScoped
public class ContractFiles {

    @Inject
    ClaudeClient claude;

    /** Uploads the contract once, asks about it, then deletes it. */
    public String ask(Path contract, String question) {
        FileMetadata file = claude.files().upload(contract); // streamed from disk; MIME type from the file name
        try {
            return claude.messages().create(MessageRequest.builder()
                    .addMessage(MessageParam.user(List.of(DocumentBlock.file(file.id()), new TextBlock(question))))
                    .build()).text();
        } finally {
            claude.files().delete(file.id());
        }
    }

    /** A stream (a request body, a blob store): sent as it is read, never held whole in memory. */
    public String store(InputStream scan, String filename) {
        return claude.files().upload(scan, filename, "application/pdf").id();
    }

    /** Every file's name, a page at a time, newest first. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        FilePage page = claude.files().list(PageParams.first(100));
        page.data().forEach(file -> names.add(file.filename()));
        while (page.hasMore()) {
            page = claude.files().list(PageParams.after(page.lastId(), 100));
            page.data().forEach(file -> names.add(file.filename()));
        }
        return names;
    }

    /** Saves a file that a tool created (a chart from code execution, say), as it arrives. */
    public void save(String fileId, Path target) {
        claude.files().download(fileId, target);
    }
}
