package io.quarkiverse.claude.runtime.config;

import org.eclipse.microprofile.config.spi.Converter;

/**
 * A string setting without the whitespace around it: a key pasted with a trailing space or read from a secret file
 * with a trailing newline would otherwise be sent as it is, and refused. Blank is not set.
 */
public class Trimmed implements Converter<String> {

    @Override
    public String convert(String value) {
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
