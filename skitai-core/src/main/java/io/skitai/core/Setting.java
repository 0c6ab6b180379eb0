package io.skitai.core;

import java.util.Objects;

/**
 * A typed setting of a module, kept in the server's configuration
 * ({@link ServerBuilder#set(Setting, Object)}) and read where the feature runs
 * ({@link ServerContext#setting(Setting)}), so a module adds settings without core knowing it:
 *
 * <pre>{@code
 * public static final Setting<Integer> MAX_RCACHE = Setting.of("was.maxRcache", Integer.class, 100);
 * config.set(MAX_RCACHE, 300);                 // configuring
 * int n = exchange.server().setting(MAX_RCACHE); // reading: 300, or 100 when never set
 * }</pre>
 *
 * <p>Settings compare by name and type (a facade can write a module's setting by its name); the
 * default belongs to the declaration the reader uses.
 *
 * @param <T> the value type
 */
public final class Setting<T> {

    private final String name;
    private final Class<T> type;
    private final T defaultValue;

    private Setting(String name, Class<T> type, T defaultValue) {
        this.name = name;
        this.type = type;
        this.defaultValue = defaultValue;
    }

    /**
     * A setting called {@code name} (by convention {@code "<module>.<name>"}) of {@code type},
     * {@code defaultValue} until set.
     */
    public static <T> Setting<T> of(String name, Class<T> type, T defaultValue) {
        if (name == null || name.isBlank() || type == null || defaultValue == null) {
            throw new IllegalArgumentException("Setting.of needs a name, a type and a default value");
        }
        return new Setting<>(name, type, type.cast(defaultValue));
    }

    /** The setting's name. */
    public String name() {
        return name;
    }

    /** The value when none was set. */
    public T defaultValue() {
        return defaultValue;
    }

    /** Checks and casts a stored value. */
    public T cast(Object value) {
        return type.cast(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Setting<?> s && s.name.equals(name) && s.type.equals(type);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type);
    }

    @Override
    public String toString() {
        return "Setting(" + name + ")";
    }
}
