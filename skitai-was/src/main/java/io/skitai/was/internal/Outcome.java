package io.skitai.was.internal;

import io.skitai.was.Result;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one {@link Result} implementation; made by {@link Outcomes}. {@link #cache(Duration)} stores
 * it through the {@link CacheSlot} its call attached, if any.
 */
public final class Outcome implements Result {

    private final int status;
    private final int statusCode;
    private final String reason;
    private final Map<String, List<String>> headers;
    private final byte[] content;
    private final Object data;
    private final Throwable exception;
    private final CacheSlot slot;

    Outcome(int status, int statusCode, String reason, Map<String, List<String>> headers, byte[] content,
            Object data, Throwable exception, CacheSlot slot) {
        this.status = status;
        this.statusCode = statusCode;
        this.reason = reason == null ? "" : reason;
        this.headers = headers;
        this.content = content;
        this.data = data;
        this.exception = exception;
        this.slot = slot;
    }

    /** This result, cacheable under {@code slot} ({@code null}: not cacheable). */
    public Outcome in(CacheSlot newSlot) {
        return newSlot == slot ? this
                : new Outcome(status, statusCode, reason, headers, content, data, exception, newSlot);
    }

    /** Where {@link #cache(Duration)} stores this result, if anywhere. */
    public Optional<CacheSlot> slot() {
        return Optional.ofNullable(slot);
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public int statusCode() {
        return statusCode;
    }

    @Override
    public String reason() {
        return reason;
    }

    @Override
    public Map<String, List<String>> headers() {
        return headers;
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public Object data() {
        return data;
    }

    @Override
    public Optional<Throwable> exception() {
        return Optional.ofNullable(exception);
    }

    @Override
    public Result cache(Duration ttl) {
        if (slot != null && status == NORMAL && ttl.isPositive()) {
            slot.put(this, ttl);
        }
        return this;
    }

    @Override
    public String toString() {
        return "Result(status " + status + ", " + statusCode + " " + reason + ")";
    }
}
