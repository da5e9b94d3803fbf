package io.quarkiverse.claude.model;

/** One page of {@code GET /v1/files}, newest first. */
public final class FilePage extends ListPage<FileMetadata> {

    FilePage() {
    }
}
