package io.quarkiverse.claude.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where an image or document block takes its bytes from: inline base64, a URL, plain text or an uploaded file.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ContentSource extends JsonExtensible {

    @JsonProperty("type")
    private String type;
    @JsonProperty("media_type")
    private String mediaType;
    @JsonProperty("data")
    private String data;
    @JsonProperty("url")
    private String url;
    @JsonProperty("file_id")
    private String fileId;

    ContentSource() {
    }

    private ContentSource(String type, String mediaType, String data, String url, String fileId) {
        this.type = type;
        this.mediaType = mediaType;
        this.data = data;
        this.url = url;
        this.fileId = fileId;
    }

    /** Inline bytes, already base64-encoded, e.g. {@code base64("image/png", encoded)}. */
    public static ContentSource base64(String mediaType, String base64Data) {
        return new ContentSource("base64", mediaType, base64Data, null, null);
    }

    /** Bytes the API fetches itself. */
    public static ContentSource url(String url) {
        return new ContentSource("url", null, null, url, null);
    }

    /** Plain text, for document blocks. */
    public static ContentSource text(String text) {
        return new ContentSource("text", "text/plain", text, null, null);
    }

    /**
     * A file uploaded with the Files API: {@code {"type":"file","file_id":…}}. A call whose content names one sends the
     * {@code files-api-2025-04-14} beta header.
     */
    public static ContentSource file(String fileId) {
        if (fileId == null || fileId.isBlank()) {
            throw new IllegalArgumentException("fileId must not be blank: pass the id that Files.upload returned");
        }
        return new ContentSource("file", null, null, null, fileId);
    }

    /** @return whether this source names an uploaded file */
    public boolean isFile() {
        return "file".equals(type) && fileId != null;
    }

    public String type() {
        return type;
    }

    public String mediaType() {
        return mediaType;
    }

    public String data() {
        return data;
    }

    public String url() {
        return url;
    }

    public String fileId() {
        return fileId;
    }
}
