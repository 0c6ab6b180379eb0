package io.skitai.was.internal;

/**
 * Turns the portable {@code ?} placeholders of a statement into PostgreSQL's {@code $1, $2, ...},
 * leaving alone what stands in quotes ({@code '...'}, {@code "..."}, dollar quotes are not
 * supported), comments ({@code --}, {@code /* *}{@code /}) and {@code ??}.
 */
final class Placeholders {

    private Placeholders() {}

    /** {@code sql} with numbered placeholders; the count must match {@code params}. */
    static String numbered(String sql, int params) {
        StringBuilder out = new StringBuilder(sql.length() + 8);
        int n = 0;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = closing(sql, i, c);
                out.append(sql, i, end);
                i = end;
            } else if (c == '-' && sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? sql.length() : end;
                out.append(sql, i, end);
                i = end;
            } else if (c == '/' && sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? sql.length() : end + 2;
                out.append(sql, i, end);
                i = end;
            } else if (c == '?' && sql.startsWith("??", i)) {
                out.append('?');
                i += 2;
            } else if (c == '?') {
                out.append('$').append(++n);
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        if (n != params) {
            throw new IllegalArgumentException(Messages.placeholderCount(n, params));
        }
        return out.toString();
    }

    /** The index after the quote that closes the one at {@code start} (a doubled quote escapes it). */
    private static int closing(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }
}
