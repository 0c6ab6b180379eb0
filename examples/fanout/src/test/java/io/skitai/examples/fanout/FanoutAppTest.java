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
    void theThreeCallsRunInParallel(TestClient cli) {
        cli.get("/api");   // the first call also opens the upstream connections
        Map<String, Object> api = cli.get("/api").data();
        assertThat(api.get("weather")).isEqualTo(Map.of("city", "Seoul", "celsius", 21));
        assertThat(api.get("quote")).isEqualTo(Map.of("symbol", "SKT", "price", 42.5));
        // three 300 ms answers one after another would take 900 ms
        assertThat(((Number) api.get("ms")).intValue()).isBetween(300, 600);
    }
}
