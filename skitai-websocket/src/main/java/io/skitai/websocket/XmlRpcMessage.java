package io.skitai.websocket;

import java.util.List;

/**
 * An XML-RPC method call received over a websocket of {@link WsEncoding#XMLRPC}: its method name
 * and its parameters (XML-RPC's types as Java's: {@code Integer}, {@code Double}, {@code Boolean},
 * {@code String}, {@code byte[]}, {@code List}, {@code Map}, {@code LocalDateTime}): see {@code io.skitai.was.XmlRpc}.
 */
public record XmlRpcMessage(String method, List<Object> params) {

    public XmlRpcMessage {
        params = List.copyOf(params);
    }
}
