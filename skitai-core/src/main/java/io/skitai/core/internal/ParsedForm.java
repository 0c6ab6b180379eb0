package io.skitai.core.internal;

import io.skitai.core.HttpError;
import io.skitai.core.Upload;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request's form: its text fields and its files, immutable, by field name in the order sent.
 *
 * @param fields the text fields
 * @param files  the uploaded files
 */
record ParsedForm(Map<String, List<String>> fields, Map<String, List<Upload>> files) {

    /** No fields, no files. */
    static final ParsedForm EMPTY = new ParsedForm(Map.of(), Map.of());

    /** Freezes what a parser collected. */
    static ParsedForm of(Map<String, List<String>> fields, Map<String, List<Upload>> files) {
        return new ParsedForm(freeze(fields), freeze(files));
    }

    private static <T> Map<String, List<T>> freeze(Map<String, List<T>> map) {
        if (map.isEmpty()) {
            return Map.of();
        }
        Map<String, List<T>> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(copy);
    }

    /** Whether a Content-Type's media type (before any parameter) is {@code type}, ignoring case. */
    static boolean isMediaType(String contentType, String type) {
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().equalsIgnoreCase(type);
    }

    /** The charset a Content-Type names, UTF-8 when it names none; an unknown one is a 415. */
    static Charset charset(String contentType) {
        String name = HeaderParams.parse(contentType).get("charset");
        if (name == null || name.isEmpty()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new HttpError(415, Messages.unsupportedCharset(clip(name.toLowerCase(Locale.ROOT))));
        }
    }

    /** A client's text shortened for an error message. */
    static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
