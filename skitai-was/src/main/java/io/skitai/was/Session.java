package io.skitai.was;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A user's session ({@link Was#session()}, Python's {@code was.session}): a map of JSON values
 * (strings, numbers, booleans, lists, maps) kept between requests, signed so a client cannot forge
 * or change it, written out just before the response goes when something changed. Call
 * {@link #renew()} when a user logs in: the session keeps its values under a new id, so an id
 * planted before the login (session fixation) is worth nothing.
 *
 * <pre>{@code
 * Session s = was.session();
 * s.put("user", "ann");
 * s.renew();                         // on login
 * String user = s.get("user", String.class).orElse(null);
 * }</pre>
 */
public final class Session {

    private final String name;
    private final Map<String, Object> values;
    private final boolean fresh;
    private final java.util.function.Consumer<Map<String, Object>> sizeCheck;
    private String id;
    private String renewedFrom;
    private boolean dirty;
    private boolean invalidated;
    private Instant expires;

    Session(String name, String id, Map<String, Object> values, boolean fresh, Instant expires,
            java.util.function.Consumer<Map<String, Object>> sizeCheck) {
        this.name = name;
        this.id = id;
        this.values = new LinkedHashMap<>(values);
        this.fresh = fresh;
        this.expires = expires;
        this.sizeCheck = sizeCheck;
    }

    /** The session's name ({@code ""} for the default session). */
    public String name() {
        return name;
    }

    /** The session's id (a new one after {@link #renew()}). */
    public String id() {
        return id;
    }

    /** Whether the request brought no valid session (this one is new). */
    public boolean isNew() {
        return fresh;
    }

    /** When the session ends unless it changes again. */
    public Instant expires() {
        return expires;
    }

    /** The value of {@code key}. */
    public Optional<Object> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The value of {@code key} converted to {@code type} (JSON conversion, so records and lists work). */
    public <T> Optional<T> get(String key, Class<T> type) {
        return get(key).map(v -> io.skitai.core.Json.mapper().convertValue(v, type));
    }

    /** Whether {@code key} has a value. */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** The keys with values. */
    public Set<String> keys() {
        return Set.copyOf(values.keySet());
    }

    /**
     * Sets {@code key} to {@code value} (kept as JSON).
     *
     * @throws IllegalArgumentException when a session kept in the cookie would outgrow it (4 KiB)
     */
    public Session put(String key, Object value) {
        Object kept = io.skitai.core.Json.mapper().convertValue(value, Object.class);
        Object before = values.put(key, kept);
        try {
            sizeCheck.accept(values);
        } catch (IllegalArgumentException tooBig) {
            if (before == null) {
                values.remove(key);
            } else {
                values.put(key, before);
            }
            throw tooBig;
        }
        dirty = true;
        return this;
    }

    /** Removes {@code key}'s value, returning it. */
    public Optional<Object> remove(String key) {
        Object v = values.remove(key);
        dirty |= v != null;
        return Optional.ofNullable(v);
    }

    /** Removes every value (the session itself goes on; see {@link #invalidate()}). */
    public void clear() {
        dirty |= !values.isEmpty();
        values.clear();
    }

    /** Gives the session a new id, keeping its values: call it when a user logs in (or out). */
    public void renew() {
        if (renewedFrom == null) {
            renewedFrom = id;
        }
        id = SessionCodec.newId();
        dirty = true;
    }

    /** Ends the session: its values are dropped and its cookie removed. */
    public void invalidate() {
        values.clear();
        invalidated = true;
        dirty = true;
    }

    Map<String, Object> values() {
        return values;
    }

    boolean dirty() {
        return dirty;
    }

    boolean invalidated() {
        return invalidated;
    }

    /** The id before {@link #renew()} (its stored values are dropped), if renewed. */
    Optional<String> renewedFrom() {
        return Optional.ofNullable(renewedFrom);
    }

    void expires(Instant when) {
        this.expires = when;
    }

    @Override
    public String toString() {
        return "Session[" + (name.isEmpty() ? "default" : name) + ", " + values.size() + " values]";
    }
}
