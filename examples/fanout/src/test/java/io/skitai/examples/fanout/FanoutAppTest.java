package io.skitai.examples.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.testkit.SkitaiTest;
import io.skitai.testkit.TestClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The example's main class in its own JVM with its stand-in upstreams, over real sockets; each
 * upstream answers after 300 ms so that parallel (300 ms) and one-after-another (900 ms) stay far
 * apart even on a busy machine.
 */
@SkitaiTest(app = FanoutApp.class, args = "--delay=300")
class FanoutAppTest {

    @Test
    void pageRendersWhatTheThreeUpstreamsSaid(TestClient cli) {
        var res = cli.get("/");
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.text()).contains("<p id=\"weather\">Seoul: 21 &deg;C</p>",
                "<p id=\"news\">Skitai fans out (wire)</p>", "<p id=\"quote\">SKT 42.5</p>");
    }

    @Test
    void theJsonEndpointCarriesTheThreeAnswers(TestClient cli) {
        Map<String, Object> api = cli.get("/api").data();
        assertThat(api.get("weather")).isEqualTo(Map.of("city", "Seoul", "celsius", 21));
        assertThat(api.get("quote")).isEqualTo(Map.of("symbol", "SKT", "price", 42.5));
    }

    /**
     * Upstreams that answer only once all three requests of a page have arrived: a route calling
     * them one after another would time out on the first; fired together they all answer.
     */
    @Test
    void theThreeCallsAreInFlightTogether() {
        java.util.concurrent.CountDownLatch allArrived = new java.util.concurrent.CountDownLatch(3);
        io.skitai.core.ServerBuilder upstreams = io.skitai.core.ServerBuilder.create();
        for (String path : java.util.List.of("/weather", "/news", "/quote")) {
            upstreams.mount(path, ex -> {
                allArrived.countDown();
                if (!allArrived.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    throw new io.skitai.core.HttpError(504, "the other calls never came");
                }
                ex.json(Map.of("path", path));
            });
        }
        io.skitai.core.SkitaiServer backends = io.skitai.core.SkitaiServer.create(upstreams.build());
        backends.start(io.skitai.testkit.TestKit.run());
        try {
            io.skitai.core.ServerBuilder front = io.skitai.core.ServerBuilder.create();
            for (String alias : java.util.List.of("@weather", "@news", "@quote")) {
                front.alias(alias, io.skitai.core.Proto.HTTP, "127.0.0.1:" + backends.port());
            }
            front.mount("/", FanoutApp.app());
            io.skitai.testkit.TestKit.serve(front, cli -> {
                Map<String, Object> api = cli.get("/api").data();
                assertThat(api).containsEntry("weather", Map.of("path", "/weather"))
                        .containsEntry("news", Map.of("path", "/news")).containsEntry("quote", Map.of("path", "/quote"));
            });
        } finally {
            backends.stop();
        }
    }
}
