package io.skitai.websocket.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.skitai.core.Key;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The websocket meters of one server (see {@link io.skitai.core.Metrics}), made on its first
 * handshake when it records metrics: {@code skitai.websocket.sessions}, a gauge of the open
 * sessions per {@code mount}, and {@code skitai.websocket.messages}, a counter per {@code mount}
 * and {@code direction} ({@code in}, {@code out}). A mount's meters are made once and kept, so a
 * message costs one counter increment. The gauges leave the registry when the server stops.
 */
final class WsMeters implements AutoCloseable {

    /** The server's instance. */
    static final Key<WsMeters> KEY = Key.of("websocket.meters", WsMeters.class);

    private final MeterRegistry registry;
    private final Map<String, Mount> mounts = new ConcurrentHashMap<>();

    WsMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The tally of {@code mount} (its mount point, {@code /} for the root). */
    WsTally mount(String mount) {
        return mounts.computeIfAbsent(mount, Mount::new);
    }

    /** One mount's meters. */
    private final class Mount implements WsTally {
        private final AtomicInteger open = new AtomicInteger();
        private final Gauge sessions;
        private final Counter in;
        private final Counter out;

        Mount(String mount) {
            sessions = Gauge.builder("skitai.websocket.sessions", open, AtomicInteger::get)
                    .description("websocket sessions open").tag("mount", mount).register(registry);
            in = messages(mount, "in");
            out = messages(mount, "out");
        }

        private Counter messages(String mount, String direction) {
            return Counter.builder("skitai.websocket.messages").description("websocket messages, received (in) and sent (out)")
                    .tag("mount", mount).tag("direction", direction).register(registry);
        }

        @Override
        public void opened() {
            open.incrementAndGet();
        }

        @Override
        public void closed() {
            open.decrementAndGet();
        }

        @Override
        public void received() {
            in.increment();
        }

        @Override
        public void sent() {
            out.increment();
        }
    }

    @Override
    public void close() {
        mounts.values().forEach(m -> registry.remove(m.sessions));
        mounts.clear();
    }

    @Override
    public String toString() {
        return "WsMeters(" + mounts.keySet() + ")";
    }
}
