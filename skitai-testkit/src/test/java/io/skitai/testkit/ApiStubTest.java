package io.skitai.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How stubs build paths (no server needed). */
class ApiStubTest {

    private final TestClient cli = TestClient.of("http://127.0.0.1:5000");

    @AfterEach
    void close() {
        cli.close();
    }

    @Test
    void appendsOneSegmentPerArgument() {
        assertThat(cli.api().url()).isEqualTo("/");
        assertThat(cli.api().path("apis").path("pets", 45).url()).isEqualTo("/apis/pets/45");
    }

    @Test
    void encodesEachSegment() {
        assertThat(cli.api().path("a b", "x/y", "caf\u00e9", "~ok-._").url())
                .isEqualTo("/a%20b/x%2Fy/caf%C3%A9/~ok-._");
        assertThat(cli.api().path("q?x=1&y", "#frag").url()).isEqualTo("/q%3Fx%3D1%26y/%23frag");
    }

    @Test
    void staysImmutable() {
        ApiStub apis = cli.api().path("apis");
        apis.path("pets");
        assertThat(apis.url()).isEqualTo("/apis");
        assertThat(apis.path("pets").toString()).isEqualTo("ApiStub[/apis/pets]");
    }
}
