package io.skitai.atila.apps;

import io.skitai.atila.Atila;
import io.skitai.atila.Route;
import io.skitai.core.PrometheusEndpoint;
import io.skitai.core.Run;
import io.skitai.core.Skitai;
import java.util.Map;

/** An Atila service with metrics on and a Prometheus endpoint at {@code /metrics}, the way the README shows it. */
public final class MetricsMain {

    private MetricsMain() {}

    public static void main(String[] args) {
        Skitai.enableMetrics();
        Skitai.mount("/metrics", PrometheusEndpoint.create());
        Skitai.mount("/", Atila.create().register(new Routes()));
        Skitai.run(Run.port(5000).name("metrics").args(args));
    }

    /** A user by id; which worker answers. */
    public static final class Routes {
        @Route("/users/{id:int}")
        public String user(int id) {
            return "user " + id;
        }

        @Route("/pid")
        public Map<String, Long> pid() {
            return Map.of("pid", ProcessHandle.current().pid());
        }
    }
}
