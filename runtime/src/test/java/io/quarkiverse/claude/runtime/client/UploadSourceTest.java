package io.quarkiverse.claude.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.resteasy.reactive.client.impl.multipart.QuarkusMultipartFormDataPart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkiverse.claude.errors.RequestTooLargeException;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;

/** What an upload hands the REST Client: a part streamed from disk or from a stream read on demand, never the bytes. */
class UploadSourceTest {

    @TempDir
    Path dir;

    /** Counts what was read, to show that reading follows demand. */
    static final class Counting extends InputStream {
        final AtomicLong read = new AtomicLong();
        final long size;

        Counting(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return read.get() < size ? (int) (read.incrementAndGet() & 0x7f) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long left = size - read.get();
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            read.addAndGet(n);
            return n;
        }
    }

    private static QuarkusMultipartFormDataPart onlyPart(UploadSource source) {
        var parts = ((org.jboss.resteasy.reactive.client.impl.multipart.QuarkusMultipartForm) source.form()).iterator();
        QuarkusMultipartFormDataPart part = parts.next();
        assertFalse(parts.hasNext(), "one part");
        return part;
    }

    @Test
    void aPathIsAFilePartThatTheRestClientReadsFromDisk() throws Exception {
        Path pdf = dir.resolve("a.pdf");
        Files.write(pdf, new byte[1000]);
        UploadSource source = UploadSource.of(pdf, null, 10_000);

        QuarkusMultipartFormDataPart part = onlyPart(source);
        assertEquals("file", part.name());
        assertEquals("a.pdf", part.filename());
        assertEquals("application/pdf", part.mediaType());
        assertEquals(pdf.toAbsolutePath().toString(), part.pathname());
        assertNull(part.content(), "no bytes in memory");
        assertTrue(source.replayable());
    }

    @Test
    void aStreamIsAMultiPartReadOneChunkPerDemand() {
        Counting in = new Counting(10_000_000);
        UploadSource source = UploadSource.of(in, "big.bin", "application/octet-stream", Long.MAX_VALUE);

        QuarkusMultipartFormDataPart part = onlyPart(source);
        assertEquals("file", part.name());
        assertEquals("big.bin", part.filename());
        assertNull(part.content(), "no bytes in memory");
        assertNotNull(part.multiByteContent());
        assertEquals(0, in.read.get(), "nothing read before the REST Client asks");
        assertTrue(source.replayable());

        AssertSubscriber<Byte> one = ((UploadSource.FromStream) source).bytes().subscribe()
                .withSubscriber(AssertSubscriber.create(1));
        one.awaitItems(1, Duration.ofSeconds(10));
        assertEquals(UploadSource.FromStream.CHUNK, in.read.get(), "one chunk read for one byte asked");
        one.cancel();
        assertFalse(source.replayable(), "a stream read from cannot be sent again");
    }

    @Test
    void aStreamOverTheLimitStopsWithATypedFailureNamingTheFile() {
        UploadSource source = UploadSource.of(new ByteArrayInputStream(new byte[100]), "scan.pdf", null, 50);
        AssertSubscriber<Byte> all = ((UploadSource.FromStream) source).bytes().subscribe()
                .withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        RequestTooLargeException tooLarge = (RequestTooLargeException) all.awaitFailure(Duration.ofSeconds(10))
                .getFailure();
        assertTrue(tooLarge.errorMessage().contains("scan.pdf"), tooLarge.errorMessage());
        assertTrue(tooLarge.errorMessage().contains("50 bytes"), tooLarge.errorMessage());
    }

    @Test
    void aPathOverTheLimitIsRefusedBeforeAnythingIsRead() throws Exception {
        Path big = dir.resolve("big.bin");
        Files.write(big, new byte[51]);
        RequestTooLargeException tooLarge = assertThrows(RequestTooLargeException.class,
                () -> UploadSource.of(big, null, 50));
        assertTrue(tooLarge.errorMessage().contains(big.toString()), tooLarge.errorMessage());
        assertEquals(413, tooLarge.status());
    }
}
