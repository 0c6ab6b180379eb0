package io.skitai.was;

import io.skitai.core.Setting;

/**
 * The settings of the was module, kept in the server's configuration: set them with
 * {@code ServerBuilder.set(..)} (or the facade's Python-named forms), read them with
 * {@code exchange.server().setting(..)}.
 */
public final class WasSettings {

    /**
     * How many upstream results the result cache keeps (Python's {@code set_max_rcache}; default
     * 100, least recently used evicted first; 0 turns it off). {@code Skitai.setMaxRcache(n)} sets it.
     */
    public static final Setting<Integer> MAX_RCACHE = Setting.of("was.maxRcache", Integer.class, 100);

    /**
     * Connections kept open to one PostgreSQL member of an alias at most, busy or idle (default
     * 20; two aliases naming one database each have their pool); more statements wait for one.
     * Idle connections close after the backend keep-alive.
     */
    public static final Setting<Integer> MAX_DB_CONNECTIONS = Setting.of("was.maxDbConnections", Integer.class, 20);

    /**
     * The PostgreSQL driver of {@code Db.POSTGRESQL} aliases and {@code was.postgresql(..)} calls
     * (default {@link PostgresDriver#PGJDBC}); its artifacts must be on the class path.
     */
    public static final Setting<PostgresDriver> POSTGRESQL_DRIVER =
            Setting.of("was.postgresqlDriver", PostgresDriver.class, PostgresDriver.PGJDBC);

    private WasSettings() {}
}
