package io.skitai.examples.fanout;

import io.skitai.core.ServerBuilder;
import java.time.Duration;
import java.util.Map;

/**
 * Stand-in upstream services for the example and the benchmark: {@code /weather}, {@code /news}
 * and {@code /quote}, each answering JSON after a fixed delay (50 ms by default), as a slow
 * backend API would.
 */
public final class Backends {

    private Backends() {}

    /** Mounts the three endpoints, answering after {@code delay}, on {@code server} (not yet started). */
    public static ServerBuilder mount(ServerBuilder server, Duration delay) {
        server.mount("/weather", ex -> {
            Thread.sleep(delay);
            ex.json(Map.of("city", "Seoul", "celsius", 21));
        });
        server.mount("/news", ex -> {
            Thread.sleep(delay);
            ex.json(Map.of("headline", "Skitai fans out", "source", "wire"));
        });
        server.mount("/quote", ex -> {
            Thread.sleep(delay);
            ex.json(Map.of("symbol", "SKT", "price", 42.5));
        });
        return server;
    }
}
