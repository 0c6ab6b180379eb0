package io.skitai.core;

import io.skitai.core.internal.AliasParser;
import io.skitai.core.internal.Messages;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A named cluster of upstream servers (Python's {@code skitai.alias}), called as
 * {@code was.get("@members/users/1")}, load-balanced with {@code was.lb()} or all at once with
 * {@code was.map()}. Immutable; the withers return a copy.
 *
 * <pre>{@code
 * Skitai.alias("@members", Proto.HTTPS, "user:pass@members.example.com:5001 10", "m2.example.com 5");
 * Skitai.alias(Alias.of("@api", Proto.HTTP, "10.0.0.1:8080").role("admin").source("172.30.1.0/24,192.168.1/24"));
 * }</pre>
 *
 * <p>A server is written as in Python: {@code [user:password@]host[:port][/path] [weight]}. A
 * {@code @} inside the user or password is written {@code %40} (any {@code %XX} escape is decoded
 * there). IPv6 hosts go in brackets ({@code [::1]:8080}). The port defaults to the protocol's
 * (80/443), the weight to 1; a path is put before every call's path.
 *
 * <p>{@link #role()} and {@link #source()} are kept with the alias for access control of a gateway
 * mounting it; upstream calls themselves do not check them.
 */
public final class Alias {

    private static final Pattern NAME = Pattern.compile("@[A-Za-z0-9_.\\-]+");

    private final String name;
    private final AliasType type;
    private final List<Member> members;
    private final Optional<String> role;
    private final List<String> source;

    private Alias(String name, AliasType type, List<Member> members, Optional<String> role, List<String> source) {
        this.name = name;
        this.type = type;
        this.members = List.copyOf(members);
        this.role = role;
        this.source = List.copyOf(source);
    }

    /**
     * An alias of {@code servers} (at least one) of {@code type}: a {@link Proto} or a {@link Db}.
     * The name may be given with or without its leading {@code @}.
     *
     * @throws IllegalArgumentException for a malformed name or server, naming it
     */
    public static Alias of(String name, AliasType type, String... servers) {
        String n = name == null ? "" : name.startsWith("@") ? name : "@" + name;
        if (!NAME.matcher(n).matches()) {
            throw new IllegalArgumentException(Messages.badAliasName(name));
        }
        if (type == null) {
            throw new IllegalArgumentException(Messages.badAliasServer(n, "null", "no protocol or database type given"));
        }
        if (servers == null || servers.length == 0) {
            throw new IllegalArgumentException(Messages.badAliasServer(n, "", "an alias needs at least one server"));
        }
        List<Member> members = Arrays.stream(servers).map(s -> AliasParser.member(n, type, s)).toList();
        return new Alias(n, type, members, Optional.empty(), List.of());
    }

    /** A copy allowed to callers of this role only (Python's {@code role}). */
    public Alias role(String newRole) {
        return new Alias(name, type, members, Optional.ofNullable(newRole).filter(r -> !r.isBlank()), source);
    }

    /** A copy allowed to these networks only: comma-separated IPv4 address/mask (Python's {@code source}). */
    public Alias source(String networks) {
        List<String> nets = networks == null ? List.of()
                : Arrays.stream(networks.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new Alias(name, type, members, role, nets);
    }

    /** The name, with its leading {@code @}. */
    public String name() {
        return name;
    }

    /** What its members speak: a {@link Proto} or a {@link Db}. */
    public AliasType type() {
        return type;
    }

    /**
     * The protocol of its members.
     *
     * @throws IllegalStateException for a database alias (see {@link #db()})
     */
    public Proto proto() {
        if (type instanceof Proto p) {
            return p;
        }
        throw new IllegalStateException(Messages.notHttpAlias(name, type.name()));
    }

    /** Its database engine, for a database alias. */
    public Optional<Db> db() {
        return type instanceof Db d ? Optional.of(d) : Optional.empty();
    }

    /** Its servers, in the order given. */
    public List<Member> members() {
        return members;
    }

    /** The role allowed to call it, if restricted. */
    public Optional<String> role() {
        return role;
    }

    /** The networks allowed to call it (empty: any). */
    public List<String> source() {
        return source;
    }

    @Override
    public String toString() {
        return "Alias(" + name + " " + type.name() + " " + members + ")";
    }

    /**
     * One server of an alias.
     *
     * @param host     host name or IP address (IPv6 without brackets)
     * @param port     port
     * @param user     the user to authenticate as, if any
     * @param password its password, if any
     * @param path     a path put before every call's path ({@code ""} or starting with {@code /})
     * @param weight   its share of {@code lb()} calls relative to the others (at least 1)
     */
    public record Member(String host, int port, Optional<String> user, Optional<String> password, String path,
            int weight) {

        /** Never shows the password. */
        @Override
        public String toString() {
            String h = host.contains(":") ? "[" + host + "]" : host;
            return user.map(u -> u + ":***@").orElse("") + h + ":" + port + path + " " + weight;
        }
    }
}
