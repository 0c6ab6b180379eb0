package io.skitai.was;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Compiles against the public call API, so a broken signature fails here first. */
class PublicApiTest {

    @SuppressWarnings("unused")
    static Object everyForm(Was was) {
        Call c = was.get("@a/x");
        was.get("@a/x", Map.of("Accept", "text/xml"));
        was.post("@a/x", Map.of("k", 1)).dispatch();
        was.put("@a/x", List.of(), Map.of()).dispatch(2.5);
        was.patch("@a/x", "raw").dispatch(Duration.ofSeconds(2));
        was.delete("@a/x").dispatch(2, 60, 200, 201);
        was.options("@a/x").dispatch(Duration.ofSeconds(2), Duration.ofMinutes(1), 200);
        was.upload("@a/x", Map.of("f", new Part("a.txt", "text/plain", new byte[0])));
        Call rpc = was.rpc("@a/rpc2").call("m", 1, "two");
        Requests<Call> lb = was.lb().useCache(false);
        Call replayable = was.lb().idempotent().rpc("@a/rpc2").call("read");
        was.setgs("nodes", 3, "from", "here");
        boolean serving = was.hasRequest();
        io.skitai.core.Setting<Integer> rcache = WasSettings.MAX_RCACHE;
        Requests<MapCall> map = was.map().useCache(Instant.now());
        MapCall all = map.get("@a/x");
        Results rs = all.dispatch(2);
        List<Integer> codes = rs.statusCodes();
        rs.cache(60);
        Result r = c.dispatchOrThrow("500 Internal Server Error", 10);
        Object data = c.dataOrThrow(10);
        Object one = c.oneOrThrow(10);
        c.waitOrThrow("502 Bad Gateway", 10);
        Result awaited = c.await(10);
        CompletableFuture<Result> f = c.future();
        c.cache(60);
        r.cache(60);
        int status = r.status() + r.statusCode();
        String text = r.reason() + r.text() + r.header("X").orElse("");
        Map<String, List<String>> headers = r.headers();
        Object e = r.exception().map(t -> t instanceof RpcFault fault ? fault.faultCode() : 0);
        return List.of(data, one, awaited, f, status, text, headers, e, was.gtxid(), was.ltxid(), was.requestType());
    }

    @SuppressWarnings("unused")
    static Object webTools(Was was) throws Exception {
        Session s = was.session();
        s.put("k", 1).renew();
        Session cart = was.session("cart");
        java.util.Optional<Integer> k = s.get("k", Integer.class);
        was.mbox().send("saved", "info");
        List<Mbox.Message> messages = was.mbox().get();
        String token = was.csrfToken() + was.csrfTokenInput();
        boolean verified = was.csrfVerify();
        io.skitai.core.Filter csrf = Csrf.filter();
        was.cookie().set("theme", "dark").remove("old");
        String jwt = was.mkjwt(Map.of("sub", "ann"), Duration.ofMinutes(5));
        java.util.Optional<Map<String, Object>> claims = was.dejwt(jwt);
        String opaque = was.mktoken(Map.of("sub", "ann"), Duration.ofMinutes(5));
        boolean removed = was.detoken(opaque).isPresent() && was.rmtoken(opaque);
        java.nio.file.Path temp = was.gentemp();
        String ip = was.realIp() + was.isPrivateIp() + was.uniqid();
        was.log("hello");
        was.traceback(new IllegalStateException());
        String link = was.apps().urlFor("admin", "user", 7);
        SessionConfig config = SessionConfig.shared("a-secret-of-at-least-thirty-two-bytes").timeout(Duration.ofMinutes(5))
                .cookieName("S").secureCookie(false).sameSite(io.skitai.core.Cookie.SameSite.STRICT);
        JsonRpcService rpc = JsonRpcService.create().maxBatch(10);
        return List.of(cart, k, messages, token, verified, csrf, claims, removed, temp, ip, link, config, rpc);
    }

    @Test
    void constantsAreThoseOfThePythonDocs() {
        assertThat(List.of(Result.INITIAL, Result.TIMEOUT, Result.EXCEPTION, Result.NORMAL)).containsExactly(0, 1, 2, 3);
        assertThat(Handle.DEFAULT_TIMEOUT).isEqualTo(Duration.ofSeconds(10));
        assertThat(RequestType.from(List.of("text/xml", "*/*"))).isEqualTo(new RequestType("text/xml", "*/*"));
        assertThat(RequestType.from("application/json")).isEqualTo(RequestType.JSON);
    }
}
