package io.quarkiverse.claude.model;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A file stored with the Files API, as {@code POST /v1/files} and {@code GET /v1/files/{id}} describe it. Reference it
 * in a prompt with {@link DocumentBlock#file(String)} or {@link ImageBlock#file(String)}.
 */
public final class FileMetadata extends JsonExtensible {

    @JsonProperty("id")
    private String id;
    @JsonProperty("type")
    private String type;
    @JsonProperty("filename")
    private String filename;
    @JsonProperty("mime_type")
    private String mimeType;
    @JsonProperty("size_bytes")
    private long sizeBytes;
    @JsonProperty("created_at")
    private String createdAt;
    @JsonProperty("downloadable")
    private Boolean downloadable;

    FileMetadata() {
    }

    /** @return the file's id, e.g. {@code file_011CNha8iCJcU1wXNR6q4V8w} */
    public String id() {
        return id;
    }

    /** @return always {@code file} */
    public String type() {
        return type;
    }

    public String filename() {
        return filename;
    }

    public String mimeType() {
        return mimeType;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    /** @return when the file was created, or {@code null} if the API did not say */
    public OffsetDateTime createdAt() {
        return createdAt == null ? null : OffsetDateTime.parse(createdAt);
    }

    /**
     * @return whether its content can be downloaded: files that tools (code execution) created can be, files you
     *         uploaded cannot
     */
    public boolean downloadable() {
        return Boolean.TRUE.equals(downloadable);
    }

    @Override
    public String toString() {
        return "FileMetadata[id=" + id + ", filename=" + filename + ", mimeType=" + mimeType + ", sizeBytes=" + sizeBytes
                + "]";
    }
}
