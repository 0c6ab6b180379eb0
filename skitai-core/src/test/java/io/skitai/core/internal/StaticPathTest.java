package io.skitai.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.internal.StaticPath.Verdict;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class StaticPathTest {

    @Test
    void splitsAPlainPathIntoSegments() {
        StaticPath p = StaticPath.parse("/css/site.css");
        assertThat(p.verdict()).isEqualTo(Verdict.OK);
        assertThat(p.segments()).containsExactly("css", "site.css");
        assertThat(p.directory()).isFalse();
    }

    @Test
    void marksDirectoryPaths() {
        assertThat(StaticPath.parse("/docs/").directory()).isTrue();
        assertThat(StaticPath.parse("/docs/").segments()).containsExactly("docs");
        assertThat(StaticPath.parse("/").directory()).isTrue();
        assertThat(StaticPath.parse("/").segments()).isEmpty();
        StaticPath mountPoint = StaticPath.parse("");
        assertThat(mountPoint.verdict()).isEqualTo(Verdict.OK);
        assertThat(mountPoint.directory()).isFalse();
        assertThat(mountPoint.segments()).isEmpty();
    }

    @Test
    void keepsNamesWithSpacesUnicodeAndInnerDots() {
        assertThat(StaticPath.parse("/with space.txt").segments()).containsExactly("with space.txt");
        assertThat(StaticPath.parse("/한글/파일.txt").segments()).containsExactly("한글", "파일.txt");
        assertThat(StaticPath.parse("/a..b/c...d").verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void leavesDoubleEncodedDotsAsHarmlessLiterals() {
        // %252e%252e arrives decoded once as "%2e%2e": a literal name, never decoded again
        StaticPath p = StaticPath.parse("/%2e%2e/secret.txt");
        assertThat(p.verdict()).isEqualTo(Verdict.OK);
        assertThat(p.segments()).containsExactly("%2e%2e", "secret.txt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/..", "/../secret", "/a/../../secret", "/.", "/./a", "/a/.", "/..;/secret",
        "/..;x=1/secret", "/.;/a", "/a\\..\\secret", "/..\\secret", "/a\u0000b", "/a/\u0000", "/\u0001",
        "/a\u007fb", "/..%2fsecret", "/..%2Fsecret", "/a%5c..", "/a%5C..", "/a%00.txt", "/\uFFFD\uFFFD/secret",
        "relative"})
    void refusesTraversalAndMalformedSegments(String below) {
        assertThat(StaticPath.parse(below).verdict()).isEqualTo(Verdict.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/.env", "/.git/config", "/a/.hidden", "/.well-known/x", "/...", "/a/.b/"})
    void hidesDotfilesAndDotDirectories(String below) {
        assertThat(StaticPath.parse(below).verdict()).isEqualTo(Verdict.HIDDEN);
    }

    @Test
    void malformedWinsOverHidden() {
        assertThat(StaticPath.parse("/.git/../x").verdict()).isEqualTo(Verdict.MALFORMED);
    }

    @Test
    void emptySegmentsNameNothing() {
        assertThat(StaticPath.parse("/a//b").verdict()).isEqualTo(Verdict.NOT_FOUND);
        assertThat(StaticPath.parse("//evil.example/x").verdict()).isEqualTo(Verdict.NOT_FOUND);
    }

    @Test
    void encodesLocations() {
        assertThat(StaticPath.encodePath("/static/docs/")).isEqualTo("/static/docs/");
        assertThat(StaticPath.encodePath("/a b/한/")).isEqualTo("/a%20b/%ED%95%9C/");
        assertThat(StaticPath.encodePath("/x?y#z;w%/")).isEqualTo("/x%3Fy%23z%3Bw%25/");
        assertThat(List.of(StaticPath.encodePath("/-._~!$&'()*+,=:@"))).containsExactly("/-._~!$&'()*+,=:@");
    }
}
