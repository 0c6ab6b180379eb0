package io.skitai.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skitai.testkit.TestClient;
import io.skitai.testkit.TestKit;
import io.skitai.testkit.TestResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The CORS filter on real sockets, each answer judged by the Fetch standard's CORS check (4.10) and
 * CORS-preflight check (4.9): what a browser would let the page read.
 */
class CorsTest {

    private static final AtomicInteger HANDLED = new AtomicInteger();

    private static ServerBuilder server(Cors cors) {
        ServerBuilder config = ServerBuilder.create();
        config.mount("/", (Handler) ex -> {
            HANDLED.incrementAndGet();
            ex.header("X-Total", "3").send("data");
        }).filter(cors);
        return config;
    }

    /** Fetch 4.10 "CORS check": may a page of {@code origin} read this answer? */
    private static boolean corsCheck(TestResponse r, String origin, boolean credentials) {
        String allow = r.header("Access-Control-Allow-Origin").orElse(null);
        if (allow == null) {
            return false;
        }
        if (!credentials && allow.equals("*")) {
            return true;
        }
        if (!allow.equals(origin)) {
            return false;
        }
        return !credentials || r.header("Access-Control-Allow-Credentials").orElse("").equals("true");
    }

    /** Fetch 4.9 "CORS-preflight fetch": does the preflight allow {@code method} with {@code headers}? */
    private static boolean preflightAllows(TestResponse r, String origin, boolean credentials, String method, String... headers) {
        if (r.status() < 200 || r.status() > 299 || !corsCheck(r, origin, credentials)) {
            return false;
        }
        var methods = Arrays.stream(r.header("Access-Control-Allow-Methods").orElse("").split(",")).map(String::strip).toList();
        var allowedHeaders = Arrays.stream(r.header("Access-Control-Allow-Headers").orElse("").split(","))
                .map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        boolean methodOk = methods.contains(method) || (!credentials && methods.contains("*"))
                || method.equals("GET") || method.equals("HEAD") || method.equals("POST");
        return methodOk && Arrays.stream(headers).allMatch(h -> allowedHeaders.contains(h.toLowerCase(Locale.ROOT)));
    }

    private static TestResponse get(TestClient cli, String origin) {
        var request = cli.request("GET", "/data");
        if (origin != null) {
            request.header("Origin", origin);
        }
        return request.send();
    }

    private static TestResponse preflight(TestClient cli, String origin, String method, String headers) {
        var request = cli.request("OPTIONS", "/data").header("Origin", origin).header("Access-Control-Request-Method", method);
        if (headers != null) {
            request.header("Access-Control-Request-Headers", headers);
        }
        return request.send();
    }

    @Test
    void namedOriginsWithCredentials() {
        Cors cors = Cors.builder().allowOrigins("https://app.example.com", "https://*.example.org")
                .allowMethods("GET", "PUT", "DELETE").allowHeaders("Content-Type", "X-Token").exposeHeaders("X-Total")
                .allowCredentials(true).maxAge(Duration.ofHours(1)).build();
        TestKit.serve(server(cors), cli -> {
            TestResponse plain = get(cli, null);
            assertThat(plain.header("Access-Control-Allow-Origin")).as("no Origin: not a CORS request").isEmpty();
            assertThat(get(cli, "http://127.0.0.1:" + cli.port()).header("Access-Control-Allow-Origin")).as("same origin").isEmpty();

            TestResponse allowed = get(cli, "https://app.example.com");
            assertThat(corsCheck(allowed, "https://app.example.com", true)).isTrue();
            assertThat(allowed.header("Access-Control-Allow-Origin")).hasValue("https://app.example.com");
            assertThat(allowed.header("Access-Control-Expose-Headers")).hasValue("X-Total");
            assertThat(allowed.header("Vary").orElse("")).contains("Origin");

            assertThat(corsCheck(get(cli, "https://a.example.org"), "https://a.example.org", true)).as("a subdomain").isTrue();
            assertThat(corsCheck(get(cli, "https://x.y.example.org"), "https://x.y.example.org", true)).isTrue();
            for (String refused : new String[] {"https://evil.com", "https://example.org", "https://evilexample.org",
                    "http://a.example.org", "https://app.example.com.evil.com", "null", "https://app.example.com:8443"}) {
                int before = HANDLED.get();
                TestResponse r = get(cli, refused);
                assertThat(corsCheck(r, refused, true)).as("refused origin %s", refused).isFalse();
                assertThat(r.header("Access-Control-Allow-Origin")).as("never echoed: %s", refused).isEmpty();
                assertThat(r.header("Vary").orElse("")).contains("Origin");
                assertThat(HANDLED.get()).as("a simple request still reaches the handler").isEqualTo(before + 1);
            }

            TestResponse ok = preflight(cli, "https://app.example.com", "PUT", "Content-Type, X-Token");
            assertThat(ok.status()).isEqualTo(204);
            assertThat(preflightAllows(ok, "https://app.example.com", true, "PUT", "Content-Type", "X-Token")).isTrue();
            assertThat(ok.header("Access-Control-Max-Age")).hasValue("3600");
            int before = HANDLED.get();
            assertThat(preflightAllows(preflight(cli, "https://app.example.com", "PATCH", null), "https://app.example.com", true, "PATCH"))
                    .as("a method not allowed").isFalse();
            assertThat(preflightAllows(preflight(cli, "https://app.example.com", "PUT", "X-Other"), "https://app.example.com", true,
                    "PUT", "X-Other")).as("a header not allowed").isFalse();
            TestResponse foreign = preflight(cli, "https://evil.com", "PUT", null);
            assertThat(foreign.status()).isEqualTo(403);
            assertThat(foreign.header("Access-Control-Allow-Origin")).isEmpty();
            assertThat(HANDLED.get()).as("preflights never reach the handler").isEqualTo(before);
        });
    }

    @Test
    void anyOriginWithoutCredentialsAndNeverStarWithThem() {
        TestKit.serve(server(Cors.builder().allowOrigins("*").build()), cli -> {
            TestResponse r = get(cli, "https://anyone.example");
            assertThat(r.header("Access-Control-Allow-Origin")).hasValue("*");
            assertThat(corsCheck(r, "https://anyone.example", false)).isTrue();
            assertThat(corsCheck(r, "https://anyone.example", true)).as("a credentialed fetch may not read it").isFalse();
            assertThat(r.header("Access-Control-Allow-Credentials")).isEmpty();
        });
        assertThatThrownBy(() -> Cors.builder().allowOrigins("*").allowCredentials(true).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("named origins");
        assertThatThrownBy(() -> Cors.builder().allowOrigins("app.example.com")).isInstanceOf(IllegalArgumentException.class);
    }
}
