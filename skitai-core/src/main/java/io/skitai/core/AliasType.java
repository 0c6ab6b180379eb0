package io.skitai.core;

/**
 * What the members of an {@link Alias} speak: an HTTP-based {@link Proto} (web, REST, RPC,
 * websockets) or a {@link Db} database engine.
 */
public sealed interface AliasType permits Proto, Db {

    /** The type's name, such as {@code HTTPS} or {@code POSTGRESQL}. */
    String name();

    /** The port of a member that names none (0: members are files, not servers). */
    int defaultPort();
}
