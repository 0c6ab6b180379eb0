package io.skitai.was;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.Proto;
import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import io.skitai.testkit.TestClient;
import io.skitai.testkit.TestKit;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The result cache as a shared cache (RFC 9111 3.5, 4.1): a route forwards its caller's
 * {@code Authorization}, {@code Cookie} and {@code Accept-Language} to an upstream that answers
 * who is asking with {@code max-age=60}. Nothing one caller's credentials produced reaches another.
 */
class SharedCacheTest {

    /** An upstream answering the caller's identity (token or cookie) and language, with {@code cacheControl}. */
    private static RawUpstream identity(String cacheControl, String vary) {
        return RawUpstream.start(ex -> {
            String auth = ex.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
            String cookie = ex.getRequestHeaders().getFirst(Headers.COOKIE);
            String lang = ex.getRequestHeaders().getFirst(Headers.ACCEPT_LANGUAGE);
            ex.getResponseHeaders().put(Headers.CACHE_CONTROL, cacheControl);
            if (vary != null) {
                ex.getResponseHeaders().put(Headers.VARY, vary);
            }
            ex.getResponseHeaders().put(HttpString.tryFromString("X-Served"), "upstream");
            RawUpstream.send(ex, 200, "application/json", "{\"auth\":\"" + auth + "\",\"cookie\":\"" + cookie
                    + "\",\"lang\":\"" + lang + "\"}");
        });
    }

    /** {@code /me} forwards the caller's headers; {@code /me-kept} also keeps the answer 60 s explicitly. */
    private static ServerBuilder forwarding(RawUpstream up) {
        ServerBuilder server = ServerBuilder.create();
        server.alias("@ident", Proto.HTTP, up.member());
        server.mount("/", ex -> {
            Map<String, String> forward = new LinkedHashMap<>();
            for (String name : new String[] {"Authorization", "Cookie", "Accept-Language"}) {
                ex.header(name).ifPresent(v -> forward.put(name, v));
            }
            Call call = Was.current().get("@ident/whoami", forward);
            ex.json(ex.pathInfo().equals("/me-kept") ? call.dispatch(5, 60).data() : call.dispatch(5).data());
        });
        return server;
    }

    private static String as(TestClient cli, String path, String header, String value) {
        return cli.request("GET", path).header(header, value).send().text();
    }

    @Test
    void bearerTokensAndCookiesNeverSeeEachOthersAnswers() {
        try (RawUpstream up = identity("max-age=60", null)) {
            TestKit.serve(forwarding(up), cli -> {
                for (int round = 0; round < 2; round++) {
                    assertThat(as(cli, "/me", "Authorization", "Bearer alice")).contains("\"auth\":\"Bearer alice\"");
                    assertThat(as(cli, "/me", "Authorization", "Bearer bob")).contains("\"auth\":\"Bearer bob\"");
                    assertThat(as(cli, "/me", "Cookie", "sid=carol")).contains("\"cookie\":\"sid=carol\"");
                    assertThat(as(cli, "/me", "Cookie", "sid=dave")).contains("\"cookie\":\"sid=dave\"");
                }
                // Not public: an answer to credentials is not kept for anybody, so every call reached it.
                assertThat(up.hits()).isEqualTo(8);
                // Without credentials, max-age=60 is honoured: one upstream hit for two calls.
                assertThat(cli.get("/me").text()).contains("\"auth\":\"null\"");
                assertThat(cli.get("/me").text()).contains("\"auth\":\"null\"");
                assertThat(up.hits()).isEqualTo(9);
                // And the anonymous answer is not given to a caller with credentials.
                assertThat(as(cli, "/me", "Authorization", "Bearer alice")).contains("\"auth\":\"Bearer alice\"");
                assertThat(up.hits()).isEqualTo(10);
            });
        }
    }

    @Test
    void anExplicitCacheIsKeyedOnTheCallersCredentials() {
        try (RawUpstream up = identity("private, max-age=60", null)) {
            TestKit.serve(forwarding(up), cli -> {
                assertThat(as(cli, "/me-kept", "Authorization", "Bearer alice")).contains("Bearer alice");
                assertThat(as(cli, "/me-kept", "Authorization", "Bearer alice")).contains("Bearer alice");
                assertThat(up.hits()).as("alice's second call came from the cache").isEqualTo(1);
                assertThat(as(cli, "/me-kept", "Authorization", "Bearer bob")).contains("Bearer bob");
                assertThat(as(cli, "/me-kept", "Cookie", "sid=carol")).contains("sid=carol");
                assertThat(as(cli, "/me-kept", "Cookie", "sid=dave")).contains("sid=dave");
                assertThat(as(cli, "/me-kept", "Cookie", "sid=carol")).contains("sid=carol");
                assertThat(cli.get("/me-kept").text()).contains("\"auth\":\"null\",\"cookie\":\"null\"");
                assertThat(up.hits()).isEqualTo(5);
            });
        }
    }

    @Test
    void varyAcceptLanguageKeepsOneAnswerPerLanguage() {
        try (RawUpstream up = identity("max-age=60", "Accept-Language")) {
            TestKit.serve(forwarding(up), cli -> {
                for (int round = 0; round < 3; round++) {
                    assertThat(as(cli, "/me", "Accept-Language", "en")).contains("\"lang\":\"en\"");
                    assertThat(as(cli, "/me", "Accept-Language", "de")).contains("\"lang\":\"de\"");
                }
                assertThat(up.hits()).as("one upstream hit per language").isEqualTo(2);
                assertThat(cli.get("/me").text()).contains("\"lang\":\"null\"");
                assertThat(up.hits()).isEqualTo(3);
            });
        }
    }

    @Test
    void varyStarKeepsNothing() {
        try (RawUpstream up = identity("max-age=60", "*")) {
            TestKit.serve(forwarding(up), cli -> {
                cli.get("/me");
                cli.get("/me");
                cli.get("/me-kept");
                cli.get("/me-kept");
                assertThat(up.hits()).isEqualTo(4);
            });
        }
    }

    @Test
    void aPublicAnswerIsSharedAcrossCredentials() {
        try (RawUpstream up = identity("public, max-age=60", null)) {
            TestKit.serve(forwarding(up), cli -> {
                String first = as(cli, "/me", "Authorization", "Bearer alice");
                assertThat(as(cli, "/me", "Authorization", "Bearer bob")).isEqualTo(first);
                assertThat(as(cli, "/me", "Cookie", "sid=carol")).isEqualTo(first);
                assertThat(up.hits()).as("the upstream said public: one hit serves every caller").isEqualTo(1);
            });
        }
    }
}
