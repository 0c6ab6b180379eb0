package io.skitai.websocket;

/** How messages are decoded for the route and its return values encoded (Python's {@code WS_MSG_*}). */
public enum WsEncoding {

    /** Text frames as {@code String}, binary frames as {@code byte[]}; a return value likewise. */
    NONE,

    /**
     * Text frames are JSON, decoded into the route's message type; return values are sent as JSON
     * text ({@code String} and {@code byte[]} return values as they are).
     */
    JSON,

    /**
     * Text frames are XML-RPC method calls, decoded into an {@link XmlRpcMessage}; a return value
     * is sent as the call's method response.
     */
    XMLRPC
}
