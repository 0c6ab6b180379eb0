package io.skitai.websocket.internal;

import io.skitai.core.Key;
import io.skitai.websocket.WsClient;

/** Where a websocket keeps its client on the request that opened it. */
public final class WsKeys {

    /** The client of a websocket's handshake request. */
    public static final Key<WsClient> CLIENT = Key.of("skitai.ws.client", WsClient.class);

    private WsKeys() {}
}
