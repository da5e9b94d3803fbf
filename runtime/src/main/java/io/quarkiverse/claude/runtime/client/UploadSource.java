package io.quarkiverse.claude.runtime.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

import io.quarkiverse.claude.errors.ApiError;
import io.quarkiverse.claude.errors.RequestTooLargeException;
import io.quarkiverse.claude.model.RateLimits;
import io.quarkiverse.claude.runtime.errors.ApiErrors;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * What one upload sends: a multipart form with one part, {@code file}, that the REST Client streams, from disk for a
 * {@link Path} or from a {@code Multi} read off an {@link InputStream} on a worker thread. Never the whole content in
 * memory. A path can be sent again for a retry; a stream only while nothing was read from it.
 */
abstract sealed class UploadSource {

    /** The form's part, as the API and the SDK name it. */
    static final String PART = "file";
    static final String OCTET_STREAM = "application/octet-stream";

    final String filename;
    final String mimeType;

    private UploadSource(String filename, String mimeType) {
        this.filename = filename;
        this.mimeType = mimeType;
    }

    /** @return the form of one attempt */
    abstract ClientMultipartForm form();

    /** @return whether another attempt can send the same content */
    abstract boolean replayable();

    /** @return bytes read so far (for a path: its size) */
    abstract long bytesRead();

    /** The upload is over: a stream is closed (a path has nothing open between attempts). */
    void close() {
    }

    /**
     * A file on disk, checked before anything is sent: it exists, is readable, and fits the API's limit.
     *
     * @throws IllegalArgumentException when it is not a readable regular file
     * @throws RequestTooLargeException when it is larger than {@code maxBytes}
     */
    static UploadSource of(Path file, String mimeType, long maxBytes) {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("Cannot upload " + file + ": it is not a readable regular file");
        }
        long size;
        String type = mimeType;
        try {
            size = Files.size(file);
            if (type == null) {
                type = Files.probeContentType(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot upload " + file + ": " + e.getMessage(), e);
        }
        if (size > maxBytes) {
            throw new RequestTooLargeException(ApiErrors.preflight(RequestTooLargeException.STATUS,
                    RequestTooLargeException.TYPE, "File " + file + " is " + size + " bytes, over the Files API's limit of "
                            + maxBytes + " bytes (500 MB) per file"));
        }
        return new FromPath(file.toAbsolutePath(), file.getFileName().toString(), type == null ? OCTET_STREAM : type,
                size);
    }

    /** A stream read as the upload goes; it is closed at its end, or by the call when it fails. */
    static UploadSource of(InputStream content, String filename, String mimeType, long maxBytes) {
        if (content == null) {
            throw new IllegalArgumentException("content must not be null");
        }
        if (filename == null || filename.isBlank()) {
            throw new IllegalArgumentException("filename must not be blank: the API stores the file under this name");
        }
        return new FromStream(content, filename, mimeType == null || mimeType.isBlank() ? OCTET_STREAM : mimeType,
                maxBytes);
    }

    static final class FromPath extends UploadSource {
        private final Path path;
        private final long size;

        FromPath(Path path, String filename, String mimeType, long size) {
            super(filename, mimeType);
            this.path = path;
            this.size = size;
        }

        @Override
        ClientMultipartForm form() {
            // the REST Client's file part: Netty reads it from disk chunk by chunk as the connection takes them
            return ClientMultipartForm.create().binaryFileUpload(PART, filename, path.toString(), mimeType);
        }

        @Override
        boolean replayable() {
            return true;
        }

        @Override
        long bytesRead() {
            return size;
        }
    }

    static final class FromStream extends UploadSource {
        /** What one read takes from the stream: the REST Client's multipart buffer asks for 16 KiB at a time. */
        static final int CHUNK = 16 * 1024;

        private final InputStream in;
        private final long maxBytes;
        private final AtomicLong read = new AtomicLong();

        FromStream(InputStream in, String filename, String mimeType, long maxBytes) {
            super(filename, mimeType);
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        ClientMultipartForm form() {
            return ClientMultipartForm.create().multiAsBinaryFileUpload(PART, filename, bytes(), mimeType);
        }

        @Override
        boolean replayable() {
            return read.get() == 0;
        }

        @Override
        long bytesRead() {
            return read.get();
        }

        /** The stream's bytes, one chunk read per demand, on a worker thread (reading blocks). */
        Multi<Byte> bytes() {
            return Multi.createBy().repeating()
                    .uni(() -> Uni.createFrom().item(this::readChunk)
                            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                    .until(chunk -> chunk.length == 0)
                    .onItem().transformToIterable(Bytes::new)
                    .onCompletion().invoke(this::close);
        }

        private byte[] readChunk() {
            byte[] buffer = new byte[CHUNK];
            int n;
            try {
                n = in.read(buffer);
            } catch (IOException e) {
                throw new UncheckedIOException("Reading the InputStream to upload failed: " + e.getMessage(), e);
            }
            if (n <= 0) {
                return n < 0 ? new byte[0] : readChunk();
            }
            long total = read.addAndGet(n);
            if (total > maxBytes) {
                throw new RequestTooLargeException(new ApiError(RequestTooLargeException.STATUS,
                        RequestTooLargeException.TYPE, "The InputStream to upload as " + filename + " holds more than "
                                + maxBytes + " bytes, the Files API's limit (500 MB) per file; the upload was stopped "
                                + "there, before the API could refuse it.",
                        null, null, Boolean.FALSE, null, RateLimits.NONE, "", false, false));
            }
            return n == CHUNK ? buffer : java.util.Arrays.copyOf(buffer, n);
        }

        @Override
        void close() {
            try {
                in.close();
            } catch (IOException ignored) {
                // the upload's outcome is what counts
            }
        }
    }

    /** The bytes of a chunk, one by one, as the REST Client's {@code Multi<Byte>} part takes them; no copy. */
    private record Bytes(byte[] chunk) implements Iterable<Byte> {
        @Override
        public Iterator<Byte> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < chunk.length;
                }

                @Override
                public Byte next() {
                    if (next >= chunk.length) {
                        throw new NoSuchElementException();
                    }
                    return chunk[next++]; // Byte.valueOf: cached, nothing allocated
                }
            };
        }
    }
}
