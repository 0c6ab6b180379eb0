package io.skitai.atila.internal;

import io.skitai.atila.internal.PathTemplate.Kind;
import io.skitai.atila.internal.PathTemplate.Segment;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A segment trie of routes. A lookup walks the request path once, segment by segment, trying at
 * each node the literal child (a hash lookup), then {@code int}, {@code long} and plain variables,
 * then a catch-all; it backtracks only when a deeper segment fails. No regex is run per request.
 * Built at mount time; lookups are read-only and thread-safe.
 *
 * @param <E> what a route leads to
 */
public final class RouteTable<E> {

    private record Entry<E>(E target, List<String> names, String template) {}

    private static final class Node<E> {
        final Map<String, Node<E>> literals = new HashMap<>();
        final Map<Kind, Node<E>> variables = new EnumMap<>(Kind.class);
        final Map<String, Entry<E>> methods = new LinkedHashMap<>();
    }

    /**
     * The outcome of a lookup: a target and its path variables, or (target {@code null}) the
     * methods the path allows: none for 404, some for 405.
     *
     * @param target    the route's target, or {@code null}
     * @param variables the path variables by name
     * @param allowed   the methods the path answers when no route matched the method
     * @param template  the matched route's template as written, or {@code null}
     */
    public record Match<E>(E target, Map<String, String> variables, Set<String> allowed, String template) {}

    private final Node<E> root = new Node<>();
    private int size;

    /** Adds a route; throws {@link IllegalStateException} when the same path and method is already taken. */
    public RouteTable<E> add(String method, PathTemplate template, E target) {
        Node<E> node = root;
        List<String> names = new ArrayList<>();
        for (Segment s : template.segments()) {
            if (s.kind() == Kind.LITERAL) {
                node = node.literals.computeIfAbsent(s.text(), k -> new Node<>());
            } else {
                names.add(s.text());
                node = node.variables.computeIfAbsent(s.kind(), k -> new Node<>());
            }
        }
        Entry<E> previous = node.methods.putIfAbsent(method, new Entry<>(target, List.copyOf(names), template.text()));
        if (previous != null) {
            throw new IllegalStateException(Messages.duplicateRoute(method, template.text(), previous.target(), previous.template(), target));
        }
        size++;
        return this;
    }

    /** How many (method, path) routes the table holds. */
    public int size() {
        return size;
    }

    /** Finds the route for a method and a path below the mount point. HEAD falls back to GET. */
    public Match<E> find(String method, String path) {
        Search<E> search = new Search<>(PathTemplate.split(path), method);
        if (walk(root, 0, 0, search)) {
            Map<String, String> vars = new HashMap<>();
            for (int i = 0; i < search.found.names().size(); i++) {
                vars.put(search.found.names().get(i), search.values[i]);
            }
            return new Match<>(search.found.target(), vars, Set.of(), search.found.template());
        }
        return new Match<>(null, Map.of(), search.allowed, null);
    }

    private static final class Search<E> {
        final String[] segments;
        final String method;
        final String[] values;
        final Set<String> allowed = new LinkedHashSet<>();
        Entry<E> found;

        Search(String[] segments, String method) {
            this.segments = segments;
            this.method = method;
            this.values = new String[segments.length + 1];
        }
    }

    private boolean walk(Node<E> node, int index, int captured, Search<E> s) {
        String[] segs = s.segments;
        if (index == segs.length) {
            if (accept(node, s)) {
                return true;
            }
            Node<E> rest = node.variables.get(Kind.PATH);
            if (rest != null) {
                s.values[captured] = "";
                return accept(rest, s);
            }
            return false;
        }
        String seg = segs[index];
        Node<E> literal = node.literals.get(seg);
        if (literal != null && walk(literal, index + 1, captured, s)) {
            return true;
        }
        if (!seg.isEmpty()) {
            for (Map.Entry<Kind, Node<E>> child : node.variables.entrySet()) {
                Kind kind = child.getKey();
                if (kind != Kind.PATH && fits(kind, seg)) {
                    s.values[captured] = seg;
                    if (walk(child.getValue(), index + 1, captured + 1, s)) {
                        return true;
                    }
                }
            }
        }
        Node<E> rest = node.variables.get(Kind.PATH);
        if (rest != null) {
            s.values[captured] = String.join("/", java.util.Arrays.asList(segs).subList(index, segs.length));
            return accept(rest, s);
        }
        return false;
    }

    private boolean accept(Node<E> node, Search<E> s) {
        if (node.methods.isEmpty()) {
            return false;
        }
        Entry<E> entry = node.methods.get(s.method);
        if (entry == null && s.method.equals("HEAD")) {
            entry = node.methods.get("GET");
        }
        if (entry != null) {
            s.found = entry;
            return true;
        }
        s.allowed.addAll(node.methods.keySet());
        return false;
    }

    /** Whether a segment is a valid value for a typed variable. */
    static boolean fits(Kind kind, String seg) {
        return switch (kind) {
            case INT -> isInteger(seg, 11) && fitsInt(seg);
            case LONG -> isInteger(seg, 20) && fitsLong(seg);
            default -> true;
        };
    }

    private static boolean isInteger(String seg, int maxLength) {
        int start = seg.charAt(0) == '-' ? 1 : 0;
        if (seg.length() == start || seg.length() > maxLength) {
            return false;
        }
        for (int i = start; i < seg.length(); i++) {
            char c = seg.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean fitsInt(String seg) {
        long v = Long.parseLong(seg);
        return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
    }

    private static boolean fitsLong(String seg) {
        try {
            Long.parseLong(seg);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
