package io.skitai.was;

import java.time.Duration;

/** Python-style seconds ({@code 2.5}) as a {@link Duration}. */
final class Seconds {

    private Seconds() {}

    static Duration of(double seconds) {
        if (Double.isNaN(seconds) || seconds < 0) {
            throw new IllegalArgumentException("seconds must be >= 0, got " + seconds);
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }
}
