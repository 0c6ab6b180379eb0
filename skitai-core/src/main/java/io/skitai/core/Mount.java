package io.skitai.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One mount of a target at a path, as returned by {@code Skitai.mount(..)}: narrow it to virtual
 * hosts with {@link #host(String...)}, give it its own preferences with {@link #pref(Pref)} or a
 * name with {@link #name(String)}. Read when the server starts.
 */
public final class Mount {

    private final String point;
    private final Object target;
    private final List<String> hosts = new ArrayList<>();
    private Pref pref;
    private String name;
    private volatile boolean frozen;
    private final List<Filter> filters = new ArrayList<>();

    Mount(String point, Object target) {
        this.point = normalizePoint(point);
        this.target = target;
        this.name = this.point.isEmpty() ? "/" : this.point;
    }

    /** Serves this mount only for requests to these host names (port ignored, case-insensitive). */
    public Mount host(String... hostNames) {
        open("host");
        for (String h : hostNames) {
            hosts.add(h.toLowerCase(Locale.ROOT).strip());
        }
        return this;
    }

    /** Preferences for this mount only (overrides {@link Skitai#pref()}). */
    public Mount pref(Pref pref) {
        open("pref");
        this.pref = pref.copy();
        return this;
    }

    /** A name for logs and {@code urlFor}. */
    public Mount name(String name) {
        open("name");
        this.name = name;
        return this;
    }

    /**
     * Wraps this mount's handler (or app) in {@code filter}, inside the server's filters; the
     * first added runs outermost (see {@link Filter}).
     */
    public Mount filter(Filter filter) {
        open("filter");
        if (filter == null) {
            throw new IllegalArgumentException("filter(null): pass a Filter");
        }
        filters.add(filter);
        return this;
    }

    /** This mount's filters, outermost first. */
    public List<Filter> filters() {
        return List.copyOf(filters);
    }

    /** The mount point without trailing slash ({@code ""} for the root). */
    public String point() {
        return point;
    }

    /** What is mounted. */
    public Object target() {
        return target;
    }

    /** The virtual hosts (empty: all). */
    public List<String> hosts() {
        return List.copyOf(hosts);
    }

    /** This mount's own preferences, if it has any. */
    public Optional<Pref> pref() {
        return Optional.ofNullable(pref);
    }

    /** The mount's name. */
    public String name() {
        return name;
    }

    /** Refuses changes from now on (the server's configuration was built with this mount). */
    void freeze() {
        frozen = true;
        if (pref != null) {
            pref.freeze();
        }
    }

    private void open(String setting) {
        if (frozen) {
            throw new IllegalStateException(io.skitai.core.internal.Messages.frozenSetting("Mount." + setting + " of " + point));
        }
    }

    static String normalizePoint(String point) {
        if (point == null || !point.startsWith("/")) {
            throw new IllegalArgumentException("a mount point starts with '/', got " + point);
        }
        String p = point;
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
