package io.quarkiverse.claude.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What code or a shell command run by the code execution server tool printed and returned, with the files it made.
 * The {@link #type()} is {@code code_execution_result}, {@code encrypted_code_execution_result} (stdout in
 * {@link #encryptedStdout()}) or {@code bash_code_execution_result}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class CodeExecutionResult extends JsonExtensible {

    @JsonProperty("type")
    private String type;
    @JsonProperty("stdout")
    private String stdout;
    @JsonProperty("encrypted_stdout")
    private String encryptedStdout;
    @JsonProperty("stderr")
    private String stderr;
    @JsonProperty("return_code")
    private Integer returnCode;
    @JsonProperty("content")
    private List<Output> content;

    CodeExecutionResult() {
    }

    public String type() {
        return type;
    }

    public String stdout() {
        return stdout;
    }

    public String encryptedStdout() {
        return encryptedStdout;
    }

    public String stderr() {
        return stderr;
    }

    /** @return the exit status, 0 for success */
    public Integer returnCode() {
        return returnCode;
    }

    /** @return the files the code wrote, to download with the Files API */
    public List<Output> outputs() {
        return content == null ? List.of() : content;
    }

    /** A file written by the code: {@code {"type": "code_execution_output", "file_id": "file_…"}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class Output extends JsonExtensible {
        @JsonProperty("type")
        private String type;
        @JsonProperty("file_id")
        private String fileId;

        Output() {
        }

        /** @return {@code code_execution_output} or {@code bash_code_execution_output} */
        public String type() {
            return type;
        }

        public String fileId() {
            return fileId;
        }
    }
}
