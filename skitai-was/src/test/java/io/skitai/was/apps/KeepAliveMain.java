package io.skitai.was.apps;

import io.skitai.core.Run;
import io.skitai.core.Skitai;
import io.skitai.was.Result;
import io.skitai.was.Was;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A calling server with a backend keep-alive of 1 s: {@code GET /call?port=N&n=K&pause=MS} calls
 * {@code http://127.0.0.1:N/} K times, MS milliseconds apart, and answers the upstream's texts.
 */
public final class KeepAliveMain {

    private KeepAliveMain() {}

    public static void main(String[] args) {
        Skitai.setBackendKeepAlive(1);
        Skitai.mount("/", ex -> {
            int port = Integer.parseInt(ex.query("port").orElseThrow());
            int n = Integer.parseInt(ex.query("n").orElse("1"));
            long pause = Long.parseLong(ex.query("pause").orElse("0"));
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    Thread.sleep(pause);
                }
                Result r = Was.current().get("http://127.0.0.1:" + port + "/").dispatch(5);
                answers.add(r.status() == Result.NORMAL ? r.text() : "status " + r.status() + ": " + r.reason());
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("answers", answers);
            ex.json(out);
        });
        Skitai.run(Run.port(5000).args(args));
    }
}
