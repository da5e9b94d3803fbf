package io.quarkiverse.claude.model;

/**
 * The result of a shell command run by the later code execution tools
 * ({@link ServerToolUseBlock#BASH_CODE_EXECUTION}): its {@linkplain #result() output}, or an {@linkplain #error()
 * error}.
 */
public final class BashCodeExecutionToolResultBlock extends ServerToolResultBlock {

    BashCodeExecutionToolResultBlock() {
    }

    @Override
    public String type() {
        return "bash_code_execution_tool_result";
    }

    /** @return what the command printed and returned, or {@code null} when the tool failed */
    public CodeExecutionResult result() {
        return rawContent() instanceof CodeExecutionResult result ? result : null;
    }
}
