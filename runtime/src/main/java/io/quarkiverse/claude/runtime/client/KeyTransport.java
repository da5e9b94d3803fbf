package io.quarkiverse.claude.runtime.client;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/** Whether a base URL would carry the API key across a network in clear text. */
public final class KeyTransport {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

    private KeyTransport() {
    }

    /** @return true for plain {@code http} to a host that is not this machine */
    public static boolean inClearText(URI baseUri) {
        return "http".equalsIgnoreCase(baseUri.getScheme()) && !isLoopback(baseUri.getHost());
    }

    /** @return true for {@code localhost} (and its subdomains), {@code 127.x.x.x} and {@code ::1} */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.endsWith(".localhost") || IPV4_LOOPBACK.matcher(h).matches()
                || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }

    /** @return the URL as written, with any user information (a credential) masked */
    public static String display(String baseUrl, URI uri) {
        if (uri != null && uri.getRawUserInfo() != null) {
            return baseUrl.replace(uri.getRawUserInfo(), "***");
        }
        return baseUrl;
    }
}
