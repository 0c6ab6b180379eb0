package io.skitai.core.internal;

import io.skitai.core.HttpError;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} body (WHATWG URL §5): {@code &}-separated pairs,
 * {@code +} for a space, {@code %XX} escapes decoded as the charset the Content-Type names (UTF-8
 * by default). A bad escape is a 400 naming the pair; Undertow's own parser drops such a pair
 * silently, so this one is Skitai's.
 */
final class UrlEncodedForm {

    static final String TYPE = "application/x-www-form-urlencoded";

    private UrlEncodedForm() {}

    static boolean accepts(String contentType) {
        return ParsedForm.isMediaType(contentType, TYPE);
    }

    /** The fields of {@code body}; at most {@code maxFields} of them. */
    static ParsedForm parse(byte[] body, String contentType, int maxFields) {
        if (body.length == 0) {
            return ParsedForm.EMPTY;
        }
        Charset charset = ParsedForm.charset(contentType);
        String text = new String(body, charset);
        Map<String, List<String>> fields = new LinkedHashMap<>();
        int count = 0;
        int from = 0;
        while (from <= text.length()) {
            int amp = text.indexOf('&', from);
            int to = amp < 0 ? text.length() : amp;
            if (to > from) {
                if (++count > maxFields) {
                    throw new HttpError(400, Messages.tooManyFormFields(maxFields));
                }
                String pair = text.substring(from, to);
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq), pair, charset);
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1), pair, charset);
                fields.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
            }
            from = to + 1;
        }
        return ParsedForm.of(fields, Map.of());
    }

    private static String decode(String s, String pair, Charset charset) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        try {
            return URLDecoder.decode(s, charset);
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, Messages.badFormEscape(ParsedForm.clip(pair)));
        }
    }
}
