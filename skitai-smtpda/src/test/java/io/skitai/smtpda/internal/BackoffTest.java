package io.skitai.smtpda.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesFromTheFirstWaitUpToTheCap() {
        Duration first = Duration.ofSeconds(30);
        Duration max = Duration.ofHours(1);
        assertThat(Backoff.after(1, first, max)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Backoff.after(2, first, max)).isEqualTo(Duration.ofSeconds(60));
        assertThat(Backoff.after(5, first, max)).isEqualTo(Duration.ofSeconds(480));
        assertThat(Backoff.after(8, first, max)).isEqualTo(Duration.ofHours(1));
        assertThat(Backoff.after(1000, first, max)).isEqualTo(Duration.ofHours(1));
    }
}
