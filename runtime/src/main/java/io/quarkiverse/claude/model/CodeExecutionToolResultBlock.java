package io.quarkiverse.claude.model;

/**
 * The result of code run by {@code code_execution_20250522} ({@link ServerToolUseBlock#CODE_EXECUTION}): its
 * {@linkplain #result() output}, or an {@linkplain #error() error}.
 */
public final class CodeExecutionToolResultBlock extends ServerToolResultBlock {

    CodeExecutionToolResultBlock() {
    }

    @Override
    public String type() {
        return "code_execution_tool_result";
    }

    /** @return what the code printed and returned, or {@code null} when the tool failed */
    public CodeExecutionResult result() {
        return rawContent() instanceof CodeExecutionResult result ? result : null;
    }
}
