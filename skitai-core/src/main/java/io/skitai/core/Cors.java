package io.skitai.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Cross-origin resource sharing as a {@link Filter} (the Fetch standard's CORS protocol): a request
 * whose {@code Origin} is allowed gets {@code Access-Control-Allow-Origin} with that origin (or
 * {@code *} when any origin is allowed and credentials are not), and a preflight ({@code OPTIONS}
 * with {@code Access-Control-Request-Method}) is answered here with 204 when its method and headers
 * are allowed, 403 otherwise. An origin that is not allowed is never echoed: its preflight gets 403
 * and its other requests go on without CORS headers, so the browser keeps the answer from the page.
 * Same-origin requests and requests without {@code Origin} pass untouched. Every answer to a request
 * with an {@code Origin} says {@code Vary: Origin}.
 *
 * <pre>{@code
 * Skitai.mount("/api", api).filter(Cors.builder()
 *         .allowOrigins("https://app.example.com", "https://*.example.org")
 *         .allowMethods("GET", "POST").allowHeaders("Content-Type", "Authorization")
 *         .allowCredentials(true).maxAge(Duration.ofHours(1)).build());
 * }</pre>
 */
public final class Cors implements Filter {

    private static final java.util.regex.Pattern ORIGIN = java.util.regex.Pattern.compile("https?://[a-z0-9.-]+(:[0-9]{1,5})?");

    private final List<String> origins;
    private final boolean anyOrigin;
    private final Set<String> methods;
    private final Set<String> headers;
    private final List<String> exposed;
    private final boolean credentials;
    private final Duration maxAge;

    private Cors(Builder b) {
        this.origins = List.copyOf(b.origins);
        this.anyOrigin = b.origins.contains("*");
        this.methods = Set.copyOf(b.methods);
        this.headers = Set.copyOf(b.headers);
        this.exposed = List.copyOf(b.exposed);
        this.credentials = b.credentials;
        this.maxAge = b.maxAge;
    }

    /** A builder; nothing is allowed until said. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Handler apply(Handler next) {
        return exchange -> {
            String origin = exchange.header("Origin").orElse(null);
            if (origin == null || sameOrigin(exchange, origin)) {
                next.handle(exchange);
                return;
            }
            exchange.header("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
            boolean allowed = allowed(origin);
            Optional<String> preflight = exchange.method().equals("OPTIONS") ? exchange.header("Access-Control-Request-Method")
                    : Optional.empty();
            if (preflight.isPresent()) {
                answerPreflight(exchange, origin, allowed, preflight.get());
                return;
            }
            if (allowed) {
                allowOrigin(exchange, origin);
                if (!exposed.isEmpty()) {
                    exchange.header("Access-Control-Expose-Headers", String.join(", ", exposed));
                }
            }
            next.handle(exchange);
        };
    }

    private void answerPreflight(Exchange exchange, String origin, boolean allowed, String method) {
        List<String> asked = new ArrayList<>();
        for (String h : exchange.header("Access-Control-Request-Headers").orElse("").split(",")) {
            if (!h.isBlank()) {
                asked.add(h.strip().toLowerCase(Locale.ROOT));
            }
        }
        if (!allowed || !methods.contains(method.strip()) || !headers.containsAll(asked)) {
            throw new HttpError(403, !allowed ? "CORS: the origin is not allowed"
                    : !methods.contains(method.strip()) ? "CORS: the method " + method + " is not allowed"
                    : "CORS: a requested header is not allowed");
        }
        allowOrigin(exchange, origin);
        exchange.header("Access-Control-Allow-Methods", String.join(", ", methods));
        if (!asked.isEmpty()) {
            exchange.header("Access-Control-Allow-Headers", String.join(", ", asked));
        }
        exchange.header("Access-Control-Max-Age", Long.toString(maxAge.toSeconds()));
        exchange.status(204).send(new byte[0]);
    }

    private void allowOrigin(Exchange exchange, String origin) {
        exchange.header("Access-Control-Allow-Origin", anyOrigin && !credentials ? "*" : origin);
        if (credentials) {
            exchange.header("Access-Control-Allow-Credentials", "true");
        }
    }

    private boolean allowed(String origin) {
        String o = origin.toLowerCase(Locale.ROOT);
        if (o.equals("null") || !ORIGIN.matcher(o).matches()) {
            return false; // opaque and malformed origins are never allowed
        }
        if (anyOrigin) {
            return true;
        }
        for (String allowedOrigin : origins) {
            if (allowedOrigin.equals(o) || (allowedOrigin.contains("://*.")
                    && o.startsWith(allowedOrigin.substring(0, allowedOrigin.indexOf("*")))
                    && o.endsWith(allowedOrigin.substring(allowedOrigin.indexOf("*") + 1))
                    && o.length() >= allowedOrigin.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameOrigin(Exchange exchange, String origin) {
        return origin.equalsIgnoreCase(exchange.scheme() + "://" + exchange.host());
    }

    @Override
    public String toString() {
        return "CORS(" + origins + ", " + methods + (credentials ? ", credentials" : "") + ")";
    }

    /** Collects what a {@link Cors} filter allows. */
    public static final class Builder {

        private final Set<String> origins = new LinkedHashSet<>();
        private final Set<String> methods = new LinkedHashSet<>(List.of("GET", "HEAD", "POST"));
        private final Set<String> headers = new LinkedHashSet<>();
        private final List<String> exposed = new ArrayList<>();
        private boolean credentials;
        private Duration maxAge = Duration.ofMinutes(10);

        private Builder() {}

        /** Allowed origins: exact ({@code https://app.example.com}), a domain's subdomains ({@code https://*.example.com}) or {@code *}. */
        public Builder allowOrigins(String... allowed) {
            for (String o : allowed) {
                String origin = o.strip().toLowerCase(Locale.ROOT);
                if (!origin.equals("*") && !origin.matches("https?://(\\*\\.)?[a-z0-9.-]+(:[0-9]{1,5})?")) {
                    throw new IllegalArgumentException("CORS origin '" + o + "' is not scheme://host[:port] (or *)");
                }
                origins.add(origin);
            }
            return this;
        }

        /** Allowed methods (default GET, HEAD, POST). */
        public Builder allowMethods(String... allowed) {
            methods.clear();
            for (String m : allowed) {
                methods.add(m.strip().toUpperCase(Locale.ROOT));
            }
            return this;
        }

        /** Request headers a page may send beyond the CORS-safelisted ones. */
        public Builder allowHeaders(String... allowed) {
            for (String h : allowed) {
                headers.add(h.strip().toLowerCase(Locale.ROOT));
            }
            return this;
        }

        /** Response headers a page may read beyond the safelisted ones. */
        public Builder exposeHeaders(String... names) {
            exposed.addAll(List.of(names));
            return this;
        }

        /** Whether pages may send cookies and credentials (then origins must be named, not {@code *}). */
        public Builder allowCredentials(boolean allow) {
            this.credentials = allow;
            return this;
        }

        /** How long a browser may keep a preflight's answer (default 10 minutes). */
        public Builder maxAge(Duration age) {
            this.maxAge = age;
            return this;
        }

        /** The filter. */
        public Cors build() {
            if (credentials && origins.contains("*")) {
                throw new IllegalArgumentException("CORS with credentials needs named origins: '*' would let any site read"
                        + " answers made with the user's cookies");
            }
            return new Cors(this);
        }
    }
}
