package io.skitai.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Run-time preferences of the engine ({@link Skitai#pref()}) or of one mount
 * ({@code mount(..).pref(p)}): body size limits, debug flags and a config map that overrides the
 * mounted app's own config. Frozen when the server's configuration is built: a later change throws.
 *
 * <p>Body limits: {@code maxClientBodySize} (default {@value #DEFAULT_MAX_BODY} bytes, as nginx's
 * {@code client_max_body_size}) bounds every request body. {@code maxPostBodySize} (non-multipart
 * bodies) and {@code maxMultipartBodySize} (multipart bodies) refine it per kind, and
 * {@code maxUploadFileSize} bounds each uploaded file of a multipart body; each defaults to the
 * one above it. A body over its limit is refused with 413 before it is read.
 */
public final class Pref {

    /** The default body limit: 1 MiB. */
    public static final long DEFAULT_MAX_BODY = 1L << 20;

    private long maxClientBodySize = DEFAULT_MAX_BODY;
    private long maxPostBodySize = -1;
    private long maxMultipartBodySize = -1;
    private long maxUploadFileSize = -1;
    private boolean debug;
    private boolean useReloader;
    private java.time.Duration reloadInterval = java.time.Duration.ofSeconds(1);
    private boolean frozen;
    private final Map<String, Object> config = new LinkedHashMap<>();

    private Pref() {}

    /** Fresh preferences with the defaults. */
    public static Pref create() {
        return new Pref();
    }

    /** Bounds every request body (bytes). */
    public Pref maxClientBodySize(long bytes) {
        open("maxClientBodySize");
        this.maxClientBodySize = positive(bytes, "maxClientBodySize");
        return this;
    }

    /** Bounds non-multipart request bodies (bytes); defaults to {@code maxClientBodySize}. */
    public Pref maxPostBodySize(long bytes) {
        open("maxPostBodySize");
        this.maxPostBodySize = positive(bytes, "maxPostBodySize");
        return this;
    }

    /** Bounds multipart request bodies (bytes); defaults to {@code maxClientBodySize}. */
    public Pref maxMultipartBodySize(long bytes) {
        open("maxMultipartBodySize");
        this.maxMultipartBodySize = positive(bytes, "maxMultipartBodySize");
        return this;
    }

    /** Bounds each uploaded file (bytes); defaults to {@code maxMultipartBodySize}. */
    public Pref maxUploadFileSize(long bytes) {
        open("maxUploadFileSize");
        this.maxUploadFileSize = positive(bytes, "maxUploadFileSize");
        return this;
    }

    /** Debug mode for apps (tracebacks in error pages, template reloading). */
    public Pref debug(boolean debug) {
        open("debug");
        this.debug = debug;
        return this;
    }

    /**
     * Watches a mounted app jar and reloads the mount when the jar changes (Python's
     * {@code use_reloader}); {@code --skitai-reload} turns it on for every jar mount. With workers,
     * the master replaces the workers one by one instead.
     */
    public Pref useReloader(boolean useReloader) {
        open("useReloader");
        this.useReloader = useReloader;
        return this;
    }

    /** How often the reloader looks at the jar (default 1 s); a change is acted on once it held for one look. */
    public Pref reloadInterval(java.time.Duration interval) {
        open("reloadInterval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("reloadInterval must be positive, got " + interval);
        }
        this.reloadInterval = interval;
        return this;
    }

    /** Whether the reloader is on. */
    public boolean useReloader() {
        return useReloader;
    }

    /** How often the reloader looks. */
    public java.time.Duration reloadInterval() {
        return reloadInterval;
    }

    /** The config map that overrides the mounted app's {@code config()}; read-only once frozen. */
    public Map<String, Object> config() {
        return frozen ? java.util.Collections.unmodifiableMap(config) : config;
    }

    /** Refuses changes from now on (the server was configured with this pref). */
    void freeze() {
        frozen = true;
    }

    private void open(String setting) {
        if (frozen) {
            throw new IllegalStateException(io.skitai.core.internal.Messages.frozenSetting("Pref." + setting));
        }
    }

    /** The effective limit for whole bodies. */
    public long maxClientBodySize() {
        return maxClientBodySize;
    }

    /** The effective limit for non-multipart bodies. */
    public long maxPostBodySize() {
        return maxPostBodySize > 0 ? maxPostBodySize : maxClientBodySize;
    }

    /** The effective limit for multipart bodies. */
    public long maxMultipartBodySize() {
        return maxMultipartBodySize > 0 ? maxMultipartBodySize : maxClientBodySize;
    }

    /** The effective limit for one uploaded file. */
    public long maxUploadFileSize() {
        return maxUploadFileSize > 0 ? maxUploadFileSize : maxMultipartBodySize();
    }

    /** Whether debug mode is on. */
    public boolean debug() {
        return debug;
    }

    /** An unfrozen copy. */
    public Pref copy() {
        Pref p = new Pref();
        p.maxClientBodySize = maxClientBodySize;
        p.maxPostBodySize = maxPostBodySize;
        p.maxMultipartBodySize = maxMultipartBodySize;
        p.maxUploadFileSize = maxUploadFileSize;
        p.debug = debug;
        p.useReloader = useReloader;
        p.reloadInterval = reloadInterval;
        p.config.putAll(config);
        return p;
    }

    private static long positive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return value;
    }
}
