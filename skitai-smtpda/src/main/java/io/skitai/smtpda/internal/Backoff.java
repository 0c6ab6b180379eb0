package io.skitai.smtpda.internal;

import java.time.Duration;

/** The wait before retry n: {@code first * 2^(n-1)}, capped at {@code max}. */
public final class Backoff {

    private Backoff() {}

    /** The wait after {@code failures} failed attempts (1 or more). */
    public static Duration after(int failures, Duration first, Duration max) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        long millis = first.toMillis();
        for (int i = 0; i < doublings && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}
