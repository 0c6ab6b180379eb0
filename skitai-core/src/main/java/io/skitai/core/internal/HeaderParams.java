package io.skitai.core.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The {@code ; key=value} parameters of a header value, with RFC 7230 quoted strings unescaped. */
final class HeaderParams {

    private HeaderParams() {}

    /** The parameters after the first {@code ;} of {@code value}, keys lower-cased. */
    static Map<String, String> parse(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = value.indexOf(';');
        while (i >= 0 && i < value.length()) {
            i++;
            int eq = value.indexOf('=', i);
            int semi = value.indexOf(';', i);
            if (eq < 0 || (semi >= 0 && semi < eq)) {
                i = semi;
                continue;
            }
            String key = value.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            int j = eq + 1;
            while (j < value.length() && value.charAt(j) == ' ') {
                j++;
            }
            StringBuilder v = new StringBuilder();
            if (j < value.length() && value.charAt(j) == '"') {
                j++;
                while (j < value.length() && value.charAt(j) != '"') {
                    char c = value.charAt(j);
                    if (c == '\\' && j + 1 < value.length()) {
                        c = value.charAt(++j);
                    }
                    v.append(c);
                    j++;
                }
                i = value.indexOf(';', j);
            } else {
                int stop = value.indexOf(';', j);
                v.append(value, j, stop < 0 ? value.length() : stop);
                i = stop;
                v = new StringBuilder(v.toString().strip());
            }
            out.putIfAbsent(key, v.toString());
        }
        return out;
    }
}
