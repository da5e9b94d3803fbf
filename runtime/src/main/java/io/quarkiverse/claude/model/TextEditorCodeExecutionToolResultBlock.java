package io.quarkiverse.claude.model;

/**
 * The result of a file viewed, created or edited by the later code execution tools
 * ({@link ServerToolUseBlock#TEXT_EDITOR_CODE_EXECUTION}), or an {@linkplain #error() error}.
 */
public final class TextEditorCodeExecutionToolResultBlock extends ServerToolResultBlock {

    TextEditorCodeExecutionToolResultBlock() {
    }

    @Override
    public String type() {
        return "text_editor_code_execution_tool_result";
    }

    /** @return what the editor did, or {@code null} when the tool failed */
    public TextEditorResult result() {
        return rawContent() instanceof TextEditorResult result ? result : null;
    }
}
