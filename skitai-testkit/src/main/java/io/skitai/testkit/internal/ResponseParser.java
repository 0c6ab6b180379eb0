package io.skitai.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads one HTTP/1.x response (RFC 9112 §6.3): no body for HEAD, 1xx, 204 and 304; a chunked body
 * when Transfer-Encoding ends in chunked; else Content-Length bytes; else everything up to close.
 */
public final class ResponseParser {

    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_FIELDS = 1000;

    private ResponseParser() {}

    /**
     * Parses the next response.
     *
     * @param headRequest the response answers a HEAD request (so it has no body)
     * @throws EOFException when the connection closes before or inside the response
     */
    public static ParsedResponse read(DeadlineInput in, boolean headRequest) throws IOException {
        String statusLine = in.readLine(MAX_LINE);
        if (statusLine == null) {
            throw new EOFException("connection closed by the peer before a response");
        }
        StringBuilder head = new StringBuilder(statusLine).append('\n');
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP status line: '" + statusLine + "'");
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("bad status code in '" + statusLine + "'", e);
        }
        Map<String, List<String>> headers = readFields(in, head);
        ParsedResponse.Framing framing = framing(status, headRequest, headers);
        Map<String, List<String>> trailers = Map.of();
        byte[] body = switch (framing) {
            case NONE -> new byte[0];
            case CONTENT_LENGTH -> in.readExactly(contentLength(headers));
            case CLOSE -> in.readToEof();
            case CHUNKED -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                trailers = readChunks(in, out);
                yield out.toByteArray();
            }
        };
        return new ParsedResponse(head.toString(), parts[0], status, parts.length > 2 ? parts[2] : "",
                headers, body, framing, trailers);
    }

    private static Map<String, List<String>> readFields(DeadlineInput in, StringBuilder head) throws IOException {
        Map<String, List<String>> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int count = 0; ; count++) {
            String line = in.readLine(MAX_LINE);
            if (line == null) {
                throw new EOFException("connection closed inside the header fields");
            }
            if (line.isEmpty()) {
                return unmodifiable(fields);
            }
            if (count >= MAX_FIELDS) {
                throw new IOException("more than " + MAX_FIELDS + " header fields");
            }
            head.append(line).append('\n');
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed header line: '" + line + "'");
            }
            fields.computeIfAbsent(line.substring(0, colon).strip(), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).strip());
        }
    }

    private static ParsedResponse.Framing framing(int status, boolean headRequest, Map<String, List<String>> headers) {
        if (headRequest || status < 200 || status == 204 || status == 304) {
            return ParsedResponse.Framing.NONE;
        }
        List<String> te = headers.getOrDefault("Transfer-Encoding", List.of());
        if (!te.isEmpty()) {
            String last = te.get(te.size() - 1);
            String[] codings = last.split(",");
            if (codings[codings.length - 1].strip().toLowerCase(Locale.ROOT).equals("chunked")) {
                return ParsedResponse.Framing.CHUNKED;
            }
            return ParsedResponse.Framing.CLOSE;
        }
        return headers.containsKey("Content-Length") ? ParsedResponse.Framing.CONTENT_LENGTH
                : ParsedResponse.Framing.CLOSE;
    }

    private static long contentLength(Map<String, List<String>> headers) throws IOException {
        List<String> values = headers.get("Content-Length");
        String first = values.get(0).split(",")[0].strip();
        try {
            long n = Long.parseLong(first);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IOException("bad Content-Length: " + values, e);
        }
    }

    private static Map<String, List<String>> readChunks(DeadlineInput in, ByteArrayOutputStream out)
            throws IOException {
        while (true) {
            String line = in.readLine(MAX_LINE);
            if (line == null) {
                throw new EOFException("connection closed before the last chunk");
            }
            int semi = line.indexOf(';');
            String hex = (semi < 0 ? line : line.substring(0, semi)).strip();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size line: '" + line + "'", e);
            }
            if (size == 0) {
                return readFields(in, new StringBuilder());
            }
            out.write(in.readExactly(size));
            String end = in.readLine(16);
            if (end == null || !end.isEmpty()) {
                throw new IOException("chunk of " + size + " bytes not followed by CRLF");
            }
        }
    }

    private static Map<String, List<String>> unmodifiable(Map<String, List<String>> fields) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        fields.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(copy);
    }
}
