package io.quarkiverse.claude.model;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One page of {@code GET /v1/files}, newest first. The API pages it with {@code after_id}/{@code before_id} (then
 * {@link #hasMore()} and {@link #lastId()} lead on), and with an opaque cursor, {@link #nextPage()}, for
 * {@link io.quarkiverse.claude.Files#list(String, Integer)}.
 */
public final class FilePage extends ListPage<FileMetadata> {

    @JsonProperty("next_page")
    private String nextPage;

    FilePage() {
    }

    /** @return the cursor of the next page, when the API sent one (there is a next page) */
    public Optional<String> nextPage() {
        return Optional.ofNullable(nextPage);
    }
}
