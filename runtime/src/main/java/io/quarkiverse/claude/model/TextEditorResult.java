package io.quarkiverse.claude.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the code execution tool's text editor did. The {@link #type()} says which fields are set:
 * {@code text_editor_code_execution_view_result} (the file's {@link #content()} and its lines),
 * {@code …_create_result} ({@link #isFileUpdate()}) or {@code …_str_replace_result} (the changed lines).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class TextEditorResult extends JsonExtensible {

    @JsonProperty("type")
    private String type;
    @JsonProperty("content")
    private String content;
    @JsonProperty("file_type")
    private String fileType;
    @JsonProperty("num_lines")
    private Integer numLines;
    @JsonProperty("start_line")
    private Integer startLine;
    @JsonProperty("total_lines")
    private Integer totalLines;
    @JsonProperty("is_file_update")
    private Boolean isFileUpdate;
    @JsonProperty("lines")
    private List<String> lines;
    @JsonProperty("old_start")
    private Integer oldStart;
    @JsonProperty("old_lines")
    private Integer oldLines;
    @JsonProperty("new_start")
    private Integer newStart;
    @JsonProperty("new_lines")
    private Integer newLines;

    TextEditorResult() {
    }

    public String type() {
        return type;
    }

    /** @return the text viewed (view result) */
    public String content() {
        return content;
    }

    /** @return {@code text}, {@code image} or {@code pdf} (view result) */
    public String fileType() {
        return fileType;
    }

    public Integer numLines() {
        return numLines;
    }

    public Integer startLine() {
        return startLine;
    }

    public Integer totalLines() {
        return totalLines;
    }

    /** @return whether a create overwrote a file that existed (create result) */
    public Boolean isFileUpdate() {
        return isFileUpdate;
    }

    /** @return the changed lines as a diff (str_replace result) */
    public List<String> lines() {
        return lines == null ? List.of() : lines;
    }

    public Integer oldStart() {
        return oldStart;
    }

    public Integer oldLines() {
        return oldLines;
    }

    public Integer newStart() {
        return newStart;
    }

    public Integer newLines() {
        return newLines;
    }
}
