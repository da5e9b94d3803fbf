package io.quarkiverse.claude.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * One HTTP/1.1 exchange on a plain socket, for what the JDK client hides: when each byte arrives, a reset, a connection
 * held open. The test reads the head and then the raw body bytes (chunk framing included) itself.
 */
final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;

    /** Connects and sends {@code POST <path>} with the API's headers and {@code body}. */
    RawHttp(ClaudeSimulator sim, String path, String body) throws IOException {
        socket = new Socket("127.0.0.1", sim.port());
        socket.setSoTimeout(5000);
        in = socket.getInputStream();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("host: 127.0.0.1:").append(sim.port()).append("\r\n");
        Http.apiHeaders().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("content-length: ").append(bytes.length).append("\r\n\r\n");
        socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /** A response head: status and headers (names in lower case). */
    record Head(int status, Map<String, String> headers) {

        String header(String name) {
            return headers.get(name);
        }
    }

    /** Reads up to the blank line after the headers. */
    Head head() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("End of stream in the head: " + buf.toString(StandardCharsets.ISO_8859_1));
            }
            buf.write(b);
            String s = buf.toString(StandardCharsets.ISO_8859_1);
            if (s.endsWith("\r\n\r\n")) {
                String[] lines = s.split("\r\n");
                Map<String, String> headers = new LinkedHashMap<>();
                for (int i = 1; i < lines.length; i++) {
                    int colon = lines[i].indexOf(':');
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
                }
                return new Head(Integer.parseInt(lines[0].split(" ")[1]), headers);
            }
        }
    }

    /** Exactly {@code n} bytes of what follows. */
    byte[] read(int n) throws IOException {
        return in.readNBytes(n);
    }

    /** Whatever arrives within {@code millis} (when nothing more comes then, or the connection ends). */
    String readFor(int millis) throws IOException {
        socket.setSoTimeout(millis);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try {
            int n;
            while ((n = in.read(chunk)) >= 0) {
                buf.write(chunk, 0, n);
            }
        } catch (SocketTimeoutException e) {
            // nothing more came
        } finally {
            socket.setSoTimeout(5000);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    /** Reads until the connection fails or ends; the bytes read, and how it ended. */
    record Rest(byte[] bytes, IOException failure) {
    }

    Rest readToEnd() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try {
            int n;
            while ((n = in.read(chunk)) >= 0) {
                buf.write(chunk, 0, n);
            }
            return new Rest(buf.toByteArray(), null);
        } catch (IOException e) {
            return new Rest(buf.toByteArray(), e);
        }
    }

    /** The data of a chunked body, as far as it goes (the last chunk may be cut). */
    static String dechunk(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < raw.length) {
            int eol = indexOfCrLf(raw, at);
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(new String(raw, at, eol - at, StandardCharsets.US_ASCII).trim(), 16);
            at = eol + 2;
            int n = Math.min(size, raw.length - at);
            out.write(raw, at, n);
            at += n + 2;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int indexOfCrLf(byte[] raw, int from) {
        for (int i = from; i + 1 < raw.length; i++) {
            if (raw[i] == '\r' && raw[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    InputStream in() {
        return in;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Waits up to 20 s for {@code condition}: generous, for a machine busy with other builds. */
    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within 20 s: " + what);
            }
            Thread.sleep(5);
        }
    }
}
