package io.skitai.smtpda.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The subset of the INI format {@code ~/.skitai.conf} uses (as Python's configparser reads it):
 * {@code [section]} headers, {@code key = value} or {@code key: value} lines, {@code #} and
 * {@code ;} comment lines. Keys are lower-cased; values are stripped.
 */
public final class IniFile {

    private final Map<String, Map<String, String>> sections;

    private IniFile(Map<String, Map<String, String>> sections) {
        this.sections = sections;
    }

    /** Reads a file. */
    public static IniFile read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Parses lines; {@code name} appears in error messages. */
    public static IniFile parse(List<String> lines, String name) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        Map<String, String> current = null;
        int no = 0;
        for (String raw : lines) {
            no++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = out.computeIfAbsent(line.substring(1, line.length() - 1).strip(), k -> new LinkedHashMap<>());
                continue;
            }
            int eq = firstOf(line, '=', ':');
            if (eq <= 0 || current == null) {
                throw new IllegalArgumentException(Messages.iniSyntax(name, no));
            }
            current.put(line.substring(0, eq).strip().toLowerCase(Locale.ROOT), line.substring(eq + 1).strip());
        }
        return new IniFile(out);
    }

    /** The keys and values of a section (empty if it is absent). */
    public Map<String, String> section(String name) {
        return Map.copyOf(sections.getOrDefault(name, Map.of()));
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        if (i < 0) {
            return j;
        }
        return j < 0 ? i : Math.min(i, j);
    }
}
