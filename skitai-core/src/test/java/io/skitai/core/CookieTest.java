package io.skitai.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CookieTest {

    @Test
    void writesEveryAttribute() {
        Cookie c = Cookie.of("sid", "abc123").maxAge(Duration.ofHours(1)).expires(Instant.parse("2030-01-02T03:04:05Z"))
                .path("/app").domain("example.com").secure(true).httpOnly(true).sameSite(Cookie.SameSite.STRICT);
        assertThat(c.toSetCookie()).isEqualTo("sid=abc123; Max-Age=3600; Expires=Wed, 02 Jan 2030 03:04:05 GMT; Path=/app;"
                + " Domain=example.com; Secure; HttpOnly; SameSite=Strict");
        assertThat(Cookie.of("a", "").toSetCookie()).isEqualTo("a=");
        assertThat(Cookie.of("q", "\"quoted\"").toSetCookie()).isEqualTo("q=\"quoted\"");
    }

    @Test
    void isAnImmutableValue() {
        Cookie base = Cookie.of("a", "1");
        Cookie secure = base.secure(true);
        assertThat(base.secure()).isFalse();
        assertThat(secure.secure()).isTrue();
        assertThat(secure).isEqualTo(Cookie.of("a", "1").secure(true)).isNotEqualTo(base);
        assertThat(base.path()).isEmpty();
        assertThat(base.sameSite()).isEmpty();
    }

    @Test
    void refusesWhatACookieCannotCarry() {
        assertThatThrownBy(() -> Cookie.of("", "v")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> Cookie.of("a b", "v")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a space");
        assertThatThrownBy(() -> Cookie.of("a=b", "v")).hasMessageContaining("'='");
        assertThatThrownBy(() -> Cookie.of("a;", "v")).hasMessageContaining("token");
        assertThatThrownBy(() -> Cookie.of("a", "x;y")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("';'");
        assertThatThrownBy(() -> Cookie.of("a", "x,y")).hasMessageContaining("','");
        assertThatThrownBy(() -> Cookie.of("a", "x y")).hasMessageContaining("a space");
        assertThatThrownBy(() -> Cookie.of("a", "x\ny")).hasMessageContaining("control character U+000A");
        assertThatThrownBy(() -> Cookie.of("a", "caf\u00e9")).hasMessageContaining("non-ASCII");
        assertThatThrownBy(() -> Cookie.of("a", "\"x")).hasMessageContaining("'\"'");
        assertThatThrownBy(() -> Cookie.of("a", "1").path("/x;y")).hasMessageContaining("';'");
        assertThatThrownBy(() -> Cookie.of("a", "1").domain("a b.com")).hasMessageContaining("domain");
        assertThatThrownBy(() -> Cookie.of("a", "1").maxAge(Duration.ofSeconds(-1))).hasMessageContaining("negative");
    }

    @Test
    void sameSiteNoneAndPrefixesNeedSecure() {
        Cookie none = Cookie.of("a", "1").sameSite(Cookie.SameSite.NONE);
        assertThatThrownBy(none::toSetCookie).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SameSite=None needs Secure");
        assertThat(none.secure(true).toSetCookie()).isEqualTo("a=1; Secure; SameSite=None");
        assertThatThrownBy(() -> Cookie.of("__Secure-a", "1").toSetCookie()).hasMessageContaining("__Secure-");
        assertThatThrownBy(() -> Cookie.of("__Host-a", "1").secure(true).toSetCookie()).hasMessageContaining("Path=/");
        assertThat(Cookie.of("__Host-a", "1").secure(true).path("/").toSetCookie()).isEqualTo("__Host-a=1; Path=/; Secure");
    }
}
