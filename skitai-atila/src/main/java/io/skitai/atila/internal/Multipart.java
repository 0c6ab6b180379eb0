package io.skitai.atila.internal;

import io.skitai.atila.Upload;
import io.skitai.core.HttpError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code multipart/form-data} body (RFC 7578) split into its text fields and its files. A
 * malformed body is a 400 naming the problem; a file above the upload limit is a 413 naming its field.
 *
 * @param fields the values of the parts without a filename, UTF-8, by field name
 * @param files  the parts with a filename, by field name
 */
public record Multipart(Map<String, List<String>> fields, Map<String, List<Upload>> files) {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEADERS_END = {'\r', '\n', '\r', '\n'};

    /** Whether a Content-Type names a multipart form. */
    public static boolean isMultipart(String contentType) {
        return contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /** Parses {@code body} sent with {@code contentType}; files may have at most {@code maxFileSize} bytes. */
    public static Multipart parse(String contentType, byte[] body, long maxFileSize) {
        String boundary = HeaderParams.parse(contentType).get("boundary");
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
            throw bad("Content-Type has no valid boundary parameter");
        }
        byte[] dash = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int pos;
        if (startsWith(body, 0, dash)) {
            pos = dash.length;
        } else {
            int at = indexOf(body, delimiter, 0);
            if (at < 0) {
                throw bad("no opening boundary");
            }
            pos = at + delimiter.length;
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        Map<String, List<Upload>> files = new LinkedHashMap<>();
        while (true) {
            if (startsWith(body, pos, new byte[] {'-', '-'})) {
                return new Multipart(fields, files);
            }
            while (pos < body.length && (body[pos] == ' ' || body[pos] == '\t')) {
                pos++;
            }
            if (!startsWith(body, pos, CRLF)) {
                throw bad("a boundary line is not followed by CRLF");
            }
            pos += 2;
            int headersEnd = startsWith(body, pos, CRLF) ? pos - 2 : indexOf(body, HEADERS_END, pos);
            if (headersEnd < 0) {
                throw bad("a part's headers do not end with an empty line");
            }
            Map<String, String> headers = headers(new String(body, pos, Math.max(0, headersEnd - pos), StandardCharsets.UTF_8));
            int start = headersEnd + 4;
            int end = indexOf(body, delimiter, start);
            if (end < 0) {
                throw bad("a part is not closed by the boundary (truncated body?)");
            }
            add(headers, body, start, end, maxFileSize, fields, files);
            pos = end + delimiter.length;
        }
    }

    private static void add(Map<String, String> headers, byte[] body, int start, int end, long maxFileSize,
                            Map<String, List<String>> fields, Map<String, List<Upload>> files) {
        String disposition = headers.get("content-disposition");
        if (disposition == null) {
            throw bad("a part has no Content-Disposition header");
        }
        Map<String, String> params = HeaderParams.parse(disposition);
        if (!disposition.strip().toLowerCase(Locale.ROOT).startsWith("form-data")) {
            throw bad("a part's Content-Disposition is not form-data");
        }
        String name = params.get("name");
        if (name == null) {
            throw bad("a part's Content-Disposition has no name");
        }
        String filename = params.get("filename");
        if (filename == null) {
            fields.computeIfAbsent(name, k -> new ArrayList<>()).add(new String(body, start, end - start, StandardCharsets.UTF_8));
            return;
        }
        if (end - start > maxFileSize) {
            throw new HttpError(413, Messages.fileTooLarge(name, maxFileSize));
        }
        String type = headers.getOrDefault("content-type", "application/octet-stream");
        byte[] bytes = Arrays.copyOfRange(body, start, end);
        files.computeIfAbsent(name, k -> new ArrayList<>()).add(new Upload(name, filename, type, bytes));
    }

    private static Map<String, String> headers(String block) {
        Map<String, String> out = new LinkedHashMap<>();
        if (block.isEmpty()) {
            return out;
        }
        for (String line : block.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw bad("malformed part header '" + Converters.clip(line) + "'");
            }
            out.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        return out;
    }

    private static HttpError bad(String problem) {
        return new HttpError(400, Messages.malformedMultipart(problem));
    }

    static boolean startsWith(byte[] data, int at, byte[] prefix) {
        if (at < 0 || at + prefix.length > data.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(byte[] data, byte[] needle, int from) {
        for (int i = Math.max(0, from); i + needle.length <= data.length; i++) {
            if (startsWith(data, i, needle)) {
                return i;
            }
        }
        return -1;
    }
}
