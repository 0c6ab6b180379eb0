package io.skitai.core.internal;

import io.skitai.core.Alias;
import io.skitai.core.AliasType;
import io.skitai.core.Db;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/** Parses a server of an alias, Python style: {@code [user:password@]host[:port][/path] [weight]}. */
public final class AliasParser {

    private AliasParser() {}

    /** One member of alias {@code alias}. */
    public static Alias.Member member(String alias, AliasType type, String server) {
        if (server == null || server.isBlank()) {
            throw new IllegalArgumentException(Messages.badAliasServer(alias, String.valueOf(server), "empty server"));
        }
        if (type == Db.SQLITE3) {
            return file(alias, server);
        }
        String[] parts = server.strip().split("\\s+");
        if (parts.length > 2) {
            throw bad(alias, server, "expected 'host[:port] [weight]'");
        }
        int weight = parts.length == 2 ? number(alias, server, parts[1], "weight") : 1;
        if (weight < 1) {
            throw bad(alias, server, "the weight must be at least 1");
        }
        String address = parts[0];
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        int at = address.lastIndexOf('@');
        if (at >= 0) {
            String credentials = address.substring(0, at);
            address = address.substring(at + 1);
            int colon = credentials.indexOf(':');
            user = Optional.of(decode(alias, server, colon < 0 ? credentials : credentials.substring(0, colon)));
            password = colon < 0 ? Optional.empty() : Optional.of(decode(alias, server, credentials.substring(colon + 1)));
        }
        String path = "";
        int slash = address.indexOf('/');
        if (slash >= 0) {
            path = address.substring(slash);
            address = address.substring(0, slash);
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
        }
        String host;
        int port = type.defaultPort();
        if (address.startsWith("[")) {
            int close = address.indexOf(']');
            if (close < 0) {
                throw bad(alias, server, "unclosed '[' of an IPv6 address");
            }
            host = address.substring(1, close);
            String rest = address.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw bad(alias, server, "expected ':port' after the IPv6 address");
                }
                port = number(alias, server, rest.substring(1), "port");
            }
        } else {
            int colon = address.lastIndexOf(':');
            host = colon < 0 ? address : address.substring(0, colon);
            if (colon >= 0) {
                port = number(alias, server, address.substring(colon + 1), "port");
            }
        }
        if (host.isEmpty() || !host.matches("[A-Za-z0-9._\\-:%]+")) {
            throw bad(alias, server, "no valid host");
        }
        if (port < 1 || port > 65535) {
            throw bad(alias, server, "the port must be 1-65535");
        }
        return new Alias.Member(host, port, user, password, path, weight);
    }

    /** A SQLite member: {@code path [weight]}. */
    private static Alias.Member file(String alias, String server) {
        String text = server.strip();
        int weight = 1;
        int space = text.lastIndexOf(' ');
        if (space > 0 && text.substring(space + 1).matches("\\d+")) {
            weight = number(alias, server, text.substring(space + 1), "weight");
            text = text.substring(0, space).strip();
        }
        if (weight < 1) {
            throw bad(alias, server, "the weight must be at least 1");
        }
        return new Alias.Member("", 0, Optional.empty(), Optional.empty(), text, weight);
    }

    private static int number(String alias, String server, String text, String what) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw bad(alias, server, what + " '" + text + "' is not a number");
        }
    }

    /** Decodes {@code %XX} escapes (Python's {@code %40} for {@code @}); {@code +} stays a plus. */
    private static String decode(String alias, String server, String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < s.length()) {
            int pct = s.indexOf('%', i);
            int end = pct < 0 ? s.length() : pct;
            out.writeBytes(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
            if (pct < 0) {
                break;
            }
            if (pct + 3 > s.length()) {
                throw bad(alias, server, "a '%' escape needs two hex digits");
            }
            try {
                out.write(HexFormat.fromHexDigits(s, pct + 1, pct + 3));
            } catch (IllegalArgumentException e) {
                throw bad(alias, server, "a '%' escape needs two hex digits");
            }
            i = pct + 3;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException bad(String alias, String server, String reason) {
        // The server text may hold a password: show it with the credentials masked.
        int at = server.lastIndexOf('@');
        String shown = at < 0 ? server : "***@" + server.substring(at + 1);
        return new IllegalArgumentException(Messages.badAliasServer(alias, shown, reason));
    }
}
