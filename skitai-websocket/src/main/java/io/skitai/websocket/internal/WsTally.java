package io.skitai.websocket.internal;

import io.skitai.core.Exchange;

/**
 * What one mount's websockets count: sessions opened and closed, messages received and sent. The
 * websocket meters ({@link WsMeters}) when the server records metrics, {@link #NONE} otherwise.
 */
public interface WsTally {

    /** Counts nothing (metrics off). */
    WsTally NONE = new WsTally() {
        @Override
        public void opened() {
            // metrics are off
        }

        @Override
        public void closed() {
            // metrics are off
        }

        @Override
        public void received() {
            // metrics are off
        }

        @Override
        public void sent() {
            // metrics are off
        }

        @Override
        public String toString() {
            return "WsTally.NONE";
        }
    };

    /** A session opened. */
    void opened();

    /** A session {@link #opened} closed. */
    void closed();

    /** A whole message came from a client. */
    void received();

    /** A message went to a client. */
    void sent();

    /**
     * The tally of the mount serving {@code exchange}: the server's websocket meters for it when the
     * server records metrics (Micrometer is loaded only then), else {@link #NONE}.
     */
    static WsTally of(Exchange exchange) {
        io.skitai.core.Metrics metrics = exchange.server().setting(io.skitai.core.Metrics.SETTING);
        if (!metrics.enabled()) {
            return NONE;
        }
        String mount = exchange.mountPoint().isEmpty() ? "/" : exchange.mountPoint();
        return exchange.server().service(WsMeters.KEY, () -> new WsMeters(metrics.registry())).mount(mount);
    }
}
