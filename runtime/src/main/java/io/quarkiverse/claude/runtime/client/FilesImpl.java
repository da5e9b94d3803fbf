package io.quarkiverse.claude.runtime.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.stream.Stream;

import io.quarkiverse.claude.Files;
import io.quarkiverse.claude.errors.ClaudeException;
import io.quarkiverse.claude.errors.ClientTimeoutException;
import io.quarkiverse.claude.model.FileMetadata;
import io.quarkiverse.claude.model.FilePage;
import io.quarkiverse.claude.model.PageParams;
import io.quarkiverse.claude.runtime.call.ClaudeCalls;
import io.quarkiverse.claude.runtime.observability.CallInfo;
import io.quarkiverse.claude.runtime.rest.AnswerHandle;
import io.quarkiverse.claude.runtime.rest.ClaudeRestApi;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** The Files API of one client: uploads and downloads streamed, each call through the client's {@link ClaudeCalls}. */
final class FilesImpl implements Files {

    /**
     * None: an upload of hundreds of MB outlasts any per-attempt timeout fit for a JSON call (30 s by default), so an
     * upload runs until the answer comes, within {@code read-timeout} and the call's {@code resilience.deadline}.
     */
    private static final java.time.Duration UPLOAD_ATTEMPT_TIMEOUT = null;

    /** Chunks a blocking download holds at most before the caller reads them. */
    private static final int DOWNLOAD_PREFETCH = 16;

    private final ClaudeRestApi api;
    private final ClaudeCalls calls;
    private final JsonAnswers answers;

    FilesImpl(ClaudeRestApi api, ClaudeCalls calls, JsonAnswers answers) {
        this.api = api;
        this.calls = calls;
        this.answers = answers;
    }

    @Override
    public FileMetadata upload(Path file, String mimeType) {
        UploadSource source = UploadSource.of(file, mimeType, MAX_FILE_BYTES);
        return calls.blocking(info("files.upload"), UPLOAD_ATTEMPT_TIMEOUT, handle -> attempt(source, handle));
    }

    @Override
    public FileMetadata upload(InputStream content, String filename, String mimeType) {
        UploadSource source = UploadSource.of(content, filename, mimeType, MAX_FILE_BYTES);
        try {
            return calls.blocking(info("files.upload"), UPLOAD_ATTEMPT_TIMEOUT, handle -> attempt(source, handle));
        } finally {
            source.close();
        }
    }

    @Override
    public Uni<FileMetadata> uploadAsync(Path file, String mimeType) {
        return Uni.createFrom().item(() -> UploadSource.of(file, mimeType, MAX_FILE_BYTES))
                .chain(source -> calls.async(info("files.upload"), UPLOAD_ATTEMPT_TIMEOUT,
                        handle -> attempt(source, handle)));
    }

    @Override
    public Uni<FileMetadata> uploadAsync(InputStream content, String filename, String mimeType) {
        return Uni.createFrom().item(() -> UploadSource.of(content, filename, mimeType, MAX_FILE_BYTES))
                .chain(source -> calls.async(info("files.upload"), UPLOAD_ATTEMPT_TIMEOUT,
                        handle -> attempt(source, handle)).onTermination().invoke(source::close));
    }

    /**
     * One attempt of an upload. When it fails after part of a stream was read, its failure is marked so that the policy
     * does not retry it: another attempt would send the stream's rest as if it were the whole file.
     */
    private Uni<FileMetadata> attempt(UploadSource source, AnswerHandle handle) {
        if (!source.replayable()) {
            // only a timeout of the previous attempt (which cut it from outside) gets here; the others were marked
            return Uni.createFrom().failure(new ClientTimeoutException("The previous attempt to upload "
                    + source.filename + " timed out.", java.time.Duration.ZERO).withoutRetry(notRetried(source)));
        }
        return answers.read(api.uploadFileRaw(source.form(), handle), AnswerType.FILE)
                .onFailure().transform(failure -> {
                    Throwable typed = calls.typedFailure(failure);
                    if (!source.replayable() && typed instanceof ClaudeException claude) {
                        claude.withoutRetry(notRetried(source));
                    }
                    return typed;
                });
    }

    private static String notRetried(UploadSource source) {
        return "Not retried: " + source.bytesRead() + " bytes of the InputStream uploaded as " + source.filename
                + " had been read and sent, and a stream cannot be read again; upload from a Path to have uploads "
                + "retried.";
    }

    @Override
    public FilePage list(PageParams params) {
        Objects.requireNonNull(params, "params");
        return calls.blocking(info("files.list"), calls.attemptTimeout(null), handle -> listAttempt(params, handle));
    }

    @Override
    public Uni<FilePage> listAsync(PageParams params) {
        Objects.requireNonNull(params, "params");
        return calls.async(info("files.list"), calls.attemptTimeout(null), handle -> listAttempt(params, handle));
    }

    @Override
    public FilePage list(String page, Integer limit) {
        if (page == null || page.isBlank()) {
            throw new IllegalArgumentException("page must not be blank: pass the nextPage() of the previous page");
        }
        return calls.blocking(info("files.list"), calls.attemptTimeout(null), handle -> answers.read(
                api.listFilesRaw(null, null, limit, page, handle), AnswerType.FILE_PAGE));
    }

    private Uni<FilePage> listAttempt(PageParams params, AnswerHandle handle) {
        return answers.read(api.listFilesRaw(params.beforeId(), params.afterId(), params.limit(), null, handle),
                AnswerType.FILE_PAGE);
    }

    @Override
    public FileMetadata retrieve(String fileId) {
        String id = requireId(fileId);
        return calls.blocking(info("files.retrieve"), calls.attemptTimeout(null),
                handle -> answers.read(api.getFileRaw(id, handle), AnswerType.FILE));
    }

    @Override
    public Uni<FileMetadata> retrieveAsync(String fileId) {
        return Uni.createFrom().item(() -> requireId(fileId))
                .chain(id -> calls.async(info("files.retrieve"), calls.attemptTimeout(null),
                        handle -> answers.read(api.getFileRaw(id, handle), AnswerType.FILE)));
    }

    @Override
    public Multi<byte[]> content(String fileId) {
        return Uni.createFrom().item(() -> requireId(fileId)).onItem().transformToMulti(id -> calls.stream(
                info("files.download"), () -> {
                    AnswerHandle answer = new AnswerHandle();
                    return api.fileContent(id, answer).onCancellation().invoke(answer::quiet);
                }));
    }

    @Override
    public InputStream download(String fileId) {
        Stream<byte[]> chunks = content(fileId).subscribe()
                .asIterable(DOWNLOAD_PREFETCH, () -> new ArrayBlockingQueue<>(DOWNLOAD_PREFETCH)).stream();
        return new ChunksInputStream(chunks);
    }

    @Override
    public void download(String fileId, Path target) {
        Objects.requireNonNull(target, "target");
        try (InputStream in = download(fileId); OutputStream out = java.nio.file.Files.newOutputStream(target)) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the content of " + fileId + " to " + target + " failed", e);
        }
    }

    @Override
    public void delete(String fileId) {
        String id = requireId(fileId);
        calls.blocking(info("files.delete"), calls.attemptTimeout(null),
                handle -> answers.read(api.deleteFileRaw(id, handle), AnswerType.DELETED));
    }

    @Override
    public Uni<Void> deleteAsync(String fileId) {
        return Uni.createFrom().item(() -> requireId(fileId))
                .chain(id -> calls.async(info("files.delete"), calls.attemptTimeout(null),
                        handle -> answers.read(api.deleteFileRaw(id, handle), AnswerType.DELETED)))
                .replaceWithVoid();
    }

    private static CallInfo info(String operation) {
        return CallInfo.of(operation, null);
    }

    private static String requireId(String fileId) {
        if (fileId == null || fileId.isBlank()) {
            throw new IllegalArgumentException("fileId must not be blank");
        }
        return fileId;
    }

    /** A download read as its chunks arrive; closing it cancels the download. Failures are the typed exceptions. */
    private static final class ChunksInputStream extends InputStream {
        private final Stream<byte[]> stream;
        private final Iterator<byte[]> chunks;
        private byte[] chunk = new byte[0];
        private int at;

        ChunksInputStream(Stream<byte[]> stream) {
            this.stream = stream;
            this.chunks = stream.iterator();
        }

        @Override
        public int read() {
            return fill() ? chunk[at++] & 0xff : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            Objects.checkFromIndexSize(offset, length, into.length);
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(length, chunk.length - at);
            System.arraycopy(chunk, at, into, offset, n);
            at += n;
            return n;
        }

        private boolean fill() {
            while (at >= chunk.length) {
                if (!chunks.hasNext()) {
                    return false;
                }
                chunk = chunks.next();
                at = 0;
            }
            return true;
        }

        @Override
        public void close() {
            stream.close();
        }
    }
}
