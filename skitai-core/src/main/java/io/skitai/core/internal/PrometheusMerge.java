package io.skitai.core.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins the Prometheus text expositions (format 0.0.4) of several worker processes into one: each
 * sample gets a {@code worker} label, and the samples of one metric family from every worker go
 * together under that family's {@code # HELP} and {@code # TYPE} lines, given once (the format
 * wants a family's lines in one group).
 */
public final class PrometheusMerge {

    private PrometheusMerge() {}

    /** {@code exposition} with {@code worker="<worker>"} added to every sample. */
    public static String label(String exposition, String worker) {
        String label = "worker=\"" + worker + "\"";
        StringBuilder out = new StringBuilder(exposition.length() + 1024);
        exposition.lines().forEach(line -> {
            if (line.isEmpty() || line.startsWith("#") || line.indexOf(' ') < 0) {
                out.append(line);
            } else {
                int brace = line.indexOf('{');
                int space = line.indexOf(' ');
                if (brace >= 0 && (space < 0 || brace < space)) {
                    boolean empty = line.charAt(brace + 1) == '}';
                    out.append(line, 0, brace + 1).append(label).append(empty ? "" : ",").append(line, brace + 1, line.length());
                } else {
                    out.append(line, 0, space).append('{').append(label).append('}').append(line, space, line.length());
                }
            }
            out.append('\n');
        });
        return out.toString();
    }

    /** One exposition of every family of {@code expositions}, in the order families first appear. */
    public static String merge(List<String> expositions) {
        Map<String, Family> families = new LinkedHashMap<>();
        for (String exposition : expositions) {
            Family current = families.computeIfAbsent("", Family::new);
            boolean fresh = false;
            for (String line : (Iterable<String>) exposition.lines()::iterator) {
                if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
                    String name = line.substring(7).split(" ", 2)[0];
                    if (!name.equals(current.name)) {
                        fresh = !families.containsKey(name);
                        current = families.computeIfAbsent(name, Family::new);
                    }
                    if (fresh) {
                        current.header.append(line).append('\n');
                    }
                } else if (!line.isBlank() && !line.startsWith("#")) {
                    current.samples.append(line).append('\n');
                }
            }
        }
        StringBuilder out = new StringBuilder();
        families.values().forEach(f -> out.append(f.header).append(f.samples));
        return out.toString();
    }

    /** The lines of one metric family. */
    private static final class Family {
        final String name;
        final StringBuilder header = new StringBuilder();
        final StringBuilder samples = new StringBuilder();

        Family(String name) {
            this.name = name;
        }
    }
}
