package io.quarkiverse.claude.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerFileUpload;
import io.vertx.core.http.HttpServerRequest;

/**
 * The Files API (beta): {@code POST /v1/files} (multipart, one part {@code file}), {@code GET /v1/files} (paged, newest
 * first), {@code GET /v1/files/{id}}, {@code GET /v1/files/{id}/content}, {@code DELETE /v1/files/{id}}. Each needs
 * {@code anthropic-beta: files-api-2025-04-14}, as does a Messages request whose content names a file. The files are
 * kept in a temporary directory for the simulator's life. Uploaded files are not downloadable, as on the API; files
 * put with {@link ClaudeSimulator#putDownloadableFile} (what the code execution tool would create) are.
 */
final class FilesEndpoint {

    static final String PATH = "/v1/files";
    static final String BETA = "files-api-2025-04-14";
    /** The API's limit per file: 500 MB. */
    static final long DEFAULT_MAX_FILE_BYTES = 500L * 1024 * 1024;

    /** One stored file. */
    record StoredFile(String id, String filename, String mimeType, long size, Instant createdAt, boolean downloadable,
            Path content) {

        ObjectNode json() {
            return Json.object().put("id", id).put("type", "file").put("filename", filename).put("mime_type", mimeType)
                    .put("size_bytes", size).put("created_at", createdAt.toString()).put("downloadable", downloadable);
        }
    }

    /** What an upload brought, before the checks of the API decide whether it is stored. */
    record Received(String filename, String mimeType, long size, Path content, String summary, boolean parts) {
    }

    private final Clock clock;
    private final long maxFileBytes;
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, StoredFile> files = new LinkedHashMap<>();
    private Path directory;

    FilesEndpoint(Clock clock, long maxFileBytes) {
        this.clock = clock;
        this.maxFileBytes = maxFileBytes;
    }

    long maxFileBytes() {
        return maxFileBytes;
    }

    static boolean isUpload(HttpServerRequest request) {
        return request.method() == io.vertx.core.http.HttpMethod.POST && request.path().equals(PATH);
    }

    /**
     * Reads an upload's parts to disk as they arrive, then hands over what came. The first part with a file name is the
     * file; the summary (each part's name, filename, content type and size, as JSON) is what the request log records
     * as the body.
     */
    void receive(HttpServerRequest request, Consumer<Received> done) {
        String contentType = request.getHeader("content-type");
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            request.bodyHandler(ignored -> done.accept(new Received(null, null, 0, null, "", false)));
            return;
        }
        request.setExpectMultipart(true);
        ArrayNode parts = Json.MAPPER.createArrayNode();
        List<io.vertx.core.Future<Void>> writes = new ArrayList<>();
        Received[] file = { null };
        request.uploadHandler(upload -> {
            Path target = newContentFile();
            ObjectNode part = parts.addObject().put("name", upload.name()).put("filename", upload.filename())
                    .put("content_type", upload.contentType());
            writes.add(upload.streamToFileSystem(target.toString()).andThen(written -> {
                part.put("size", upload.size());
                keepFirstFile(upload, target, file);
            }));
        });
        request.endHandler(ignored -> io.vertx.core.Future.join(new ArrayList<>(writes)).onComplete(all -> {
            ObjectNode summary = Json.object();
            summary.set("parts", parts);
            ObjectNode attributes = summary.putObject("attributes");
            request.formAttributes().forEach(a -> attributes.put(a.getKey(), a.getValue()));
            Received f = file[0];
            done.accept(f == null ? new Received(null, null, 0, null, summary.toString(), true)
                    : new Received(f.filename(), f.mimeType(), f.size(), f.content(), summary.toString(), true));
        }));
    }

    private static void keepFirstFile(HttpServerFileUpload upload, Path target, Received[] file) {
        if (file[0] == null && "file".equals(upload.name())) {
            file[0] = new Received(upload.filename(), upload.contentType(), upload.size(), target, null, true);
        } else {
            delete(target);
        }
    }

    /** An upload that was refused before {@link #create} stored it: its content goes. */
    void discard(Received received) {
        delete(received.content());
    }

    /** {@code POST /v1/files}, once key and version passed. */
    void create(Exchange ex, Received received) {
        checkBeta(ex);
        if (received == null || !received.parts()) {
            throw ApiException.invalid("Content-Type must be multipart/form-data with a 'file' part");
        }
        if (received.content() == null) {
            throw ApiException.invalid("file: Field required");
        }
        if (received.size() > maxFileBytes) {
            throw new ApiException(413, ErrorTypes.REQUEST_TOO_LARGE,
                    "File size exceeds the maximum allowed size of " + maxFileBytes + " bytes");
        }
        StoredFile stored = store(received.filename(), mimeType(received.mimeType(), received.filename()), received.size(),
                received.content(), false);
        ex.json(200, stored.json());
    }

    void list(Exchange ex, MultiMap params) {
        checkBeta(ex);
        List<StoredFile> newestFirst;
        synchronized (this) {
            newestFirst = new ArrayList<>(files.values());
        }
        Collections.reverse(newestFirst);
        // the newer cursor paging (page / next_page, as the SDK 3.13 sends it) beside the ids; a cursor is the id after
        // which the page starts
        String page = params.get("page");
        ObjectNode answer = Paging.page(newestFirst, StoredFile::id, StoredFile::json, Paging.limit(params),
                page != null ? page : params.get("after_id"), page != null ? null : params.get("before_id"), "file");
        if (answer.path("has_more").asBoolean()) {
            answer.put("next_page", answer.path("last_id").asText());
        } else {
            answer.putNull("next_page");
        }
        ex.json(200, answer);
    }

    void get(Exchange ex, String id) {
        checkBeta(ex);
        ex.json(200, find(id).json());
    }

    void content(Exchange ex, String id) {
        checkBeta(ex);
        StoredFile file = find(id);
        if (!file.downloadable()) {
            throw ApiException.invalid("File " + id + " is not downloadable: only files created by tools can be "
                    + "downloaded");
        }
        ex.file(file.mimeType(), file.content(), file.size());
    }

    void delete(Exchange ex, String id) {
        checkBeta(ex);
        StoredFile removed;
        synchronized (this) {
            removed = files.remove(id);
        }
        if (removed == null) {
            throw notFound(id);
        }
        delete(removed.content());
        ex.json(200, Json.object().put("id", id).put("type", "file_deleted"));
    }

    /**
     * A Messages request that names files ({@code "source": {"type": "file", "file_id": …}}) needs the beta header
     * and files that exist.
     */
    void checkReferences(JsonNode body, RecordedRequest request) {
        List<String> named = new ArrayList<>();
        collect(body.path("messages"), named);
        if (named.isEmpty()) {
            return;
        }
        if (!hasBeta(request)) {
            throw ApiException.invalid("messages: file sources require the anthropic-beta header '" + BETA + "'");
        }
        for (String id : named) {
            find(id);
        }
    }

    private static void collect(JsonNode node, List<String> ids) {
        if (node.isArray()) {
            node.forEach(child -> collect(child, ids));
        } else if (node.isObject()) {
            JsonNode source = node.get("source");
            if (source != null && "file".equals(source.path("type").asText())) {
                ids.add(source.path("file_id").asText(""));
            }
            collect(node.path("content"), ids);
        }
    }

    /** Stores a file that the caller can download, as the code execution tool's outputs are. */
    StoredFile putDownloadable(String filename, String mimeType, byte[] content) {
        Path target = newContentFile();
        try {
            Files.write(target, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return store(filename, mimeType(mimeType, filename), content.length, target, true);
    }

    /** @return the content of a stored file, or {@code null} when there is none with this id */
    byte[] contentOf(String id) {
        StoredFile file;
        synchronized (this) {
            file = files.get(id);
        }
        try {
            return file == null ? null : Files.readAllBytes(file.content());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized List<String> ids() {
        return List.copyOf(files.keySet());
    }

    /** Forgets every file and deletes their content. */
    synchronized void clear() {
        files.values().forEach(f -> delete(f.content()));
        files.clear();
    }

    /** {@link #clear()} and the directory too. */
    synchronized void close() {
        clear();
        if (directory != null) {
            delete(directory);
            directory = null;
        }
    }

    private synchronized StoredFile store(String filename, String mimeType, long size, Path content,
            boolean downloadable) {
        StoredFile stored = new StoredFile("file_sim_" + ids.incrementAndGet(), filename, mimeType, size,
                clock.instant(), downloadable, content);
        files.put(stored.id(), stored);
        return stored;
    }

    private synchronized StoredFile find(String id) {
        StoredFile file = files.get(id);
        if (file == null) {
            throw notFound(id);
        }
        return file;
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("File not found: " + id);
    }

    private static void checkBeta(Exchange ex) {
        if (!hasBeta(ex.request())) {
            throw ApiException.invalid("The Files API is in beta: send the header 'anthropic-beta: " + BETA + "'");
        }
    }

    static boolean hasBeta(RecordedRequest request) {
        String betas = request.header("anthropic-beta");
        if (betas == null) {
            return false;
        }
        for (String beta : betas.split(",")) {
            if (beta.trim().equals(BETA)) {
                return true;
            }
        }
        return false;
    }

    /** The part's content type; for none or a generic one, what the file name says (the SDK sends a generic one). */
    private static String mimeType(String declared, String filename) {
        if (declared != null && !declared.isBlank() && !declared.startsWith("application/octet-stream")) {
            return declared;
        }
        String guessed = filename == null ? null : java.net.URLConnection.guessContentTypeFromName(filename);
        return guessed != null ? guessed : "application/octet-stream";
    }

    private synchronized Path newContentFile() {
        try {
            if (directory == null) {
                directory = Files.createTempDirectory("claude-simulator-files");
            }
            return Files.createTempFile(directory, "file", ".bin");
        } catch (IOException e) {
            throw new UncheckedIOException("The simulator cannot store files in a temporary directory", e);
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a temporary file; the OS cleans up what is left
        }
    }
}
