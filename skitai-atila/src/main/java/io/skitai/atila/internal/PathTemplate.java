package io.skitai.atila.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A parsed route path such as {@code /pets/{id:int}/files/{rest:path}}.
 *
 * @param text     the template as written
 * @param segments its segments, in order
 */
public record PathTemplate(String text, List<Segment> segments) {

    /** What a segment matches; variables are tried in this order. */
    public enum Kind {
        /** Exactly its text. */
        LITERAL,
        /** A segment that is an {@code int}. */
        INT,
        /** A segment that is a {@code long}. */
        LONG,
        /** Any non-empty segment. */
        STR,
        /** The rest of the path (last segment only). */
        PATH
    }

    /**
     * One segment of a template.
     *
     * @param kind what it matches
     * @param text the literal text, or the variable's name
     */
    public record Segment(Kind kind, String text) {}

    /** Freezes the segments. */
    public PathTemplate {
        segments = List.copyOf(segments);
    }

    /** Parses a template; throws {@link IllegalArgumentException} with the reason when it is malformed. */
    public static PathTemplate parse(String template) {
        List<Segment> segments = new ArrayList<>();
        Set<String> names = new HashSet<>();
        String[] parts = split(template);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (!part.startsWith("{")) {
                if (part.contains("{") || part.contains("}")) {
                    throw new IllegalArgumentException(Messages.variableNotWholeSegment(template, part));
                }
                segments.add(new Segment(Kind.LITERAL, part));
                continue;
            }
            if (!part.endsWith("}") || part.length() < 3) {
                throw new IllegalArgumentException(Messages.malformedVariable(template, part));
            }
            String inner = part.substring(1, part.length() - 1);
            int colon = inner.indexOf(':');
            String name = colon < 0 ? inner : inner.substring(0, colon);
            String type = colon < 0 ? "str" : inner.substring(colon + 1);
            Kind kind = switch (type) {
                case "str", "string" -> Kind.STR;
                case "int" -> Kind.INT;
                case "long" -> Kind.LONG;
                case "path" -> Kind.PATH;
                default -> throw new IllegalArgumentException(Messages.unknownVariableType(template, type));
            };
            if (name.isEmpty() || !names.add(name)) {
                throw new IllegalArgumentException(Messages.badVariableName(template, name));
            }
            if (kind == Kind.PATH && i != parts.length - 1) {
                throw new IllegalArgumentException(Messages.pathVariableNotLast(template, inner));
            }
            segments.add(new Segment(kind, name));
        }
        return new PathTemplate(template, segments);
    }

    /** The segments of a path: no leading empty one, a trailing slash ignored ({@code "/"} and {@code ""} have none). */
    public static String[] split(String path) {
        int start = path.startsWith("/") ? 1 : 0;
        int end = path.endsWith("/") && path.length() > start ? path.length() - 1 : path.length();
        if (start >= end) {
            return new String[0];
        }
        List<String> out = new ArrayList<>(8);
        int from = start;
        for (int i = start; i < end; i++) {
            if (path.charAt(i) == '/') {
                out.add(path.substring(from, i));
                from = i + 1;
            }
        }
        out.add(path.substring(from, end));
        return out.toArray(String[]::new);
    }

    /** The names of the variables, in order. */
    public List<String> variables() {
        return segments.stream().filter(s -> s.kind() != Kind.LITERAL).map(Segment::text).toList();
    }

    /** The path with the variables filled from {@code args} in order (URL-encoded, except slashes of a path variable). */
    public String expand(Object[] args) {
        StringBuilder b = new StringBuilder();
        int next = 0;
        for (Segment s : segments) {
            b.append('/');
            if (s.kind() == Kind.LITERAL) {
                b.append(s.text());
            } else {
                String value = String.valueOf(args[next++]);
                String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
                b.append(s.kind() == Kind.PATH ? encoded.replace("%2F", "/") : encoded);
            }
        }
        return b.isEmpty() ? "/" : b.toString();
    }
}
