package io.skitai.core;

/**
 * A typed key for per-request state kept on an {@link Exchange} ({@link Exchange#get(Key)} and
 * {@link Exchange#put(Key, Object)}). Keys compare by identity; the name is for humans.
 *
 * @param <T> the type of the value stored under this key
 */
public final class Key<T> {

    private final String name;
    private final Class<T> type;

    private Key(String name, Class<T> type) {
        this.name = name;
        this.type = type;
    }

    /** A new key. */
    public static <T> Key<T> of(String name, Class<T> type) {
        return new Key<>(name, type);
    }

    /** Casts a stored value to this key's type. */
    public T cast(Object value) {
        return type.cast(value);
    }

    @Override
    public String toString() {
        return "Key(" + name + ")";
    }
}
