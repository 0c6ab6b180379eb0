package io.skitai.was.internal;

import io.skitai.core.Alias;
import io.skitai.core.ServerContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A call's URL resolved: the alias (if any) and the endpoint of every member, in member order.
 *
 * @param url       the URL as given (the cache key of a load-balanced call)
 * @param alias     the alias, empty for an absolute URL
 * @param endpoints one per member (one for an absolute URL)
 */
record Route(String url, Optional<Alias> alias, List<Endpoint> endpoints) {

    /**
     * Resolves {@code "@alias/path?query"} against the server's aliases, or an absolute URL.
     *
     * @throws IllegalArgumentException for an unknown alias or a malformed URL, naming it
     */
    static Route resolve(String url, ServerContext server) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(Messages.badUrl(String.valueOf(url), "the URL is empty"));
        }
        if (url.startsWith("@")) {
            int end = firstOf(url, '/', '?');
            String name = url.substring(0, end);
            String rest = url.substring(end);
            Alias alias = server.alias(name).orElseThrow(() ->
                    new IllegalArgumentException(Messages.unknownAlias(name, server.aliases().keySet())));
            if (alias.db().isPresent()) {
                if (!rest.isEmpty()) {
                    throw new IllegalArgumentException(Messages.sqlUrl(url));
                }
                return database(alias);
            }
            List<Endpoint> endpoints = alias.members().stream()
                    .map(m -> new Endpoint(uri(url, alias.proto().httpScheme(), m, rest), Optional.of(m), m.weight(),
                            Optional.of(alias.name())))
                    .toList();
            return new Route(url, Optional.of(alias), endpoints);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(Messages.badUrl(url, e.getMessage()), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException(Messages.badUrl(url, "not an absolute http(s) URL"));
        }
        return new Route(url, Optional.empty(), List.of(new Endpoint(uri, Optional.empty(), 1, Optional.empty())));
    }

    /** The route of database alias {@code alias}: one endpoint per member. */
    static Route database(Alias alias) {
        return new Route(alias.name(), Optional.of(alias), alias.members().stream()
                .map(m -> new Endpoint(dbUri(alias.db().orElseThrow(), m), Optional.of(m), m.weight(), Optional.of(alias.name())))
                .toList());
    }

    /**
     * A database member's URI: {@code postgresql://host:port/db} (the credentials travel beside
     * it), or {@code sqlite3:/absolute/file}.
     */
    private static URI dbUri(io.skitai.core.Db db, Alias.Member m) {
        String scheme = db.name().toLowerCase(java.util.Locale.ROOT);
        try {
            if (db == io.skitai.core.Db.SQLITE3) {
                return new URI(scheme, java.nio.file.Path.of(m.path()).toAbsolutePath().toString(), null);
            }
            return new URI(scheme, null, m.host(), m.port(), m.path(), null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(Messages.badUrl(m.toString(), e.getMessage()), e);
        }
    }

    private static URI uri(String url, String scheme, Alias.Member m, String rest) {
        String host = m.host().contains(":") ? "[" + m.host() + "]" : m.host();
        String path = m.path() + (rest.isEmpty() ? "" : rest.startsWith("?") ? "/" + rest : rest);
        if (path.isEmpty()) {
            path = "/";
        }
        try {
            return new URI(scheme + "://" + host + ":" + m.port() + path);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(Messages.badUrl(url, e.getMessage()
                    + " (encode spaces and special characters in the path and query)"), e);
        }
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        if (i < 0) {
            return j < 0 ? s.length() : j;
        }
        return j < 0 ? i : Math.min(i, j);
    }
}
