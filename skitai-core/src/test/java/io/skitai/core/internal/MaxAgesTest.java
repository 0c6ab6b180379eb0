package io.skitai.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MaxAgesTest {

    private final MaxAges ages = new MaxAges(Map.of("", 300L, "/js", 0L, "/images", 3600L, "/images/raw", 5L));

    @Test
    void longestPathWins() {
        assertThat(ages.forPath("/index.html")).isEqualTo(300);
        assertThat(ages.forPath("/")).isEqualTo(300);
        assertThat(ages.forPath("/js/app.js")).isEqualTo(0);
        assertThat(ages.forPath("/js")).isEqualTo(0);
        assertThat(ages.forPath("/images/logo.png")).isEqualTo(3600);
        assertThat(ages.forPath("/images/raw/x.png")).isEqualTo(5);
    }

    @Test
    void matchesOnSegmentBoundaries() {
        assertThat(ages.forPath("/json/data.json")).isEqualTo(300);
        assertThat(ages.forPath("/imagesx/logo.png")).isEqualTo(300);
    }

    @Test
    void noRuleNoMaxAge() {
        MaxAges some = new MaxAges(Map.of("/static", 60L));
        assertThat(some.forPath("/other/file.txt")).isEqualTo(MaxAges.NONE);
        assertThat(some.forPath("/staticky")).isEqualTo(MaxAges.NONE);
        assertThat(some.forPath("/static/a.txt")).isEqualTo(60);
        assertThat(new MaxAges(Map.of()).forPath("/a")).isEqualTo(MaxAges.NONE);
    }
}
