package io.quarkiverse.claude;

import java.io.InputStream;
import java.nio.file.Path;

import io.quarkiverse.claude.model.FileMetadata;
import io.quarkiverse.claude.model.FilePage;
import io.quarkiverse.claude.model.PageParams;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The Files API (beta): upload a file once, then name it in prompts with
 * {@link io.quarkiverse.claude.model.DocumentBlock#file(String)} or
 * {@link io.quarkiverse.claude.model.ImageBlock#file(String)}. Every call here, and every Messages call whose content
 * names a file, sends {@code anthropic-beta: }{@value #BETA} (merged with the configured betas).
 * <p>
 * Uploads and downloads are streamed, never held whole in memory. The client's resilience policy applies, with one
 * exception: an upload from an {@link InputStream} that was already read from is not retried, since the stream cannot
 * be read again; the failure says so. Upload from a {@link Path} to have uploads retried.
 */
public interface Files {

    /** The beta the Files API takes. */
    String BETA = "files-api-2025-04-14";

    /** The largest file the API stores: 500 MB (Anthropic's Files API documentation, "File storage and limits"). */
    long MAX_FILE_BYTES = 500L * 1024 * 1024;

    /**
     * {@code POST /v1/files}: uploads a file, streamed from disk, with its name and the MIME type the platform guesses
     * from it (else {@code application/octet-stream}). Retried like any call.
     *
     * @throws io.quarkiverse.claude.errors.RequestTooLargeException before sending, for a file over
     *         {@link #MAX_FILE_BYTES}
     */
    default FileMetadata upload(Path file) {
        return upload(file, null);
    }

    /** {@link #upload(Path)} with this MIME type ({@code null}: guessed). */
    FileMetadata upload(Path file, String mimeType);

    /**
     * {@code POST /v1/files}: uploads what {@code content} holds, streamed as it is read (on a worker thread). The stream
     * is read to its end and closed. A failure after the first byte was read is not retried.
     *
     * @param filename the name the file gets
     * @param mimeType its MIME type, e.g. {@code application/pdf}
     * @throws io.quarkiverse.claude.errors.RequestTooLargeException when the stream holds more than
     *         {@link #MAX_FILE_BYTES} (the upload is stopped there)
     */
    FileMetadata upload(InputStream content, String filename, String mimeType);

    /** {@link #upload(Path, String)}, non-blocking. */
    Uni<FileMetadata> uploadAsync(Path file, String mimeType);

    /** {@link #upload(InputStream, String, String)}, non-blocking. */
    Uni<FileMetadata> uploadAsync(InputStream content, String filename, String mimeType);

    /** {@code GET /v1/files}: the first page, newest first, as large as the API's default. */
    default FilePage list() {
        return list(PageParams.DEFAULT);
    }

    /** {@code GET /v1/files} with paging. */
    FilePage list(PageParams params);

    /**
     * {@code GET /v1/files?page=…}: the page after one whose {@link FilePage#nextPage()} gave this cursor (the API's
     * newer paging, which the official SDK 3.13 uses), at most {@code limit} files ({@code null}: the API's default).
     */
    FilePage list(String page, Integer limit);

    /** {@code GET /v1/files} with paging, non-blocking. */
    Uni<FilePage> listAsync(PageParams params);

    /** {@code GET /v1/files/{id}}; an unknown id is a {@link io.quarkiverse.claude.errors.NotFoundException}. */
    FileMetadata retrieve(String fileId);

    /** {@link #retrieve(String)}, non-blocking. */
    Uni<FileMetadata> retrieveAsync(String fileId);

    /**
     * {@code GET /v1/files/{id}/content}: the content in chunks as they arrive. A failure before the first chunk is
     * retried like any call; one after it is not. Only files with {@link FileMetadata#downloadable()} can be
     * downloaded.
     */
    Multi<byte[]> content(String fileId);

    /**
     * The content as a stream, read as it arrives; close it (try-with-resources) to stop early. Do not call it on an
     * event-loop thread.
     */
    InputStream download(String fileId);

    /** Writes the content to {@code target} as it arrives (replacing it), blocking until the last byte. */
    void download(String fileId, Path target);

    /** {@code DELETE /v1/files/{id}}. */
    void delete(String fileId);

    /** {@link #delete(String)}, non-blocking. */
    Uni<Void> deleteAsync(String fileId);
}
