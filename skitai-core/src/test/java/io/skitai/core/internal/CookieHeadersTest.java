package io.skitai.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.Cookie;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CookieHeadersTest {

    @Test
    void parsesLinesLeniently() {
        Map<String, String> cookies = CookieHeaders.parse(List.of("a=1; b=\"two\";c=x=y; junk; =v; a=later", "d="));
        assertThat(cookies).containsExactly(Map.entry("a", "1"), Map.entry("b", "two"), Map.entry("c", "x=y"), Map.entry("d", ""));
        assertThat(CookieHeaders.parse(List.of())).isEmpty();
    }

    @Test
    void replacesOnlyTheSameNamePathAndDomain() {
        HeaderMap headers = new HeaderMap();
        CookieHeaders.set(headers, Cookie.of("a", "1").path("/"));
        CookieHeaders.set(headers, Cookie.of("a", "2").path("/x"));
        CookieHeaders.set(headers, Cookie.of("b", "3"));
        CookieHeaders.set(headers, Cookie.of("a", "4").path("/"));
        assertThat(headers.get(Headers.SET_COOKIE)).containsExactly("a=2; Path=/x", "b=3", "a=4; Path=/");
    }
}
