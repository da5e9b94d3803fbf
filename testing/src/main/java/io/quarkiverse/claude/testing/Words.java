package io.quarkiverse.claude.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits answer text into words: the simulator's "tokens" for output counting, truncation and stream deltas. */
final class Words {

    private static final Pattern WORD = Pattern.compile("\\S+\\s*");

    private Words() {
    }

    /**
     * The text cut into chunks of one word each with the whitespace that follows it (leading whitespace goes with the
     * first chunk), so that joining the chunks gives the text back.
     */
    static List<String> chunks(String text) {
        List<String> chunks = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        int start = 0;
        while (m.find()) {
            chunks.add(text.substring(start, m.end()));
            start = m.end();
        }
        if (start < text.length()) {
            chunks.add(text.substring(start));
        }
        return chunks;
    }

    static int count(String text) {
        int n = 0;
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The first {@code max} words of the text, without trailing whitespace. */
    static String firstWords(String text, int max) {
        StringBuilder out = new StringBuilder();
        Matcher m = WORD.matcher(text);
        int n = 0;
        int start = 0;
        while (n < max && m.find()) {
            out.append(text, start, m.end());
            start = m.end();
            n++;
        }
        return out.toString().stripTrailing();
    }
}
