package io.quarkiverse.claude.runtime.client;

/** What a Claude API key looks like. Never logs, returns or keeps any part of the key. */
public final class ApiKeyShape {

    /** Every Claude API key starts with this. */
    public static final String PREFIX = "sk-ant-";

    private ApiKeyShape() {
    }

    /** @return true when the key starts like a Claude API key */
    public static boolean looksLikeClaudeKey(String key) {
        return key != null && key.strip().startsWith(PREFIX);
    }
}
