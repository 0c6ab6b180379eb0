package io.skitai.websocket.internal;

import io.skitai.core.Json;
import io.skitai.was.XmlRpc;
import io.skitai.websocket.WsEncoding;
import io.skitai.websocket.XmlRpcMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Decodes received messages into a route's message type and encodes what it sends. */
final class MessageCodec {

    /** A message the route cannot take: closes the connection with {@code code}. */
    static final class BadMessage extends Exception {
        final int code;

        BadMessage(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    /** A message to send: text or binary. */
    record Frame(String text, byte[] binary) {
        int size() {
            return text != null ? text.length() * 3 : binary.length; // UTF-8 at most
        }
    }

    private MessageCodec() {}

    /** {@code raw} (a {@code String} from a text frame, a {@code byte[]} from a binary one) as {@code type}. */
    static <T> T decode(Object raw, WsEncoding encoding, Class<T> type) throws BadMessage {
        if (encoding == WsEncoding.NONE || raw instanceof byte[]) {
            if (!type.isInstance(raw)) {
                throw new BadMessage(1003, "this route takes " + (type == String.class ? "text" : "binary") + " messages");
            }
            return type.cast(raw);
        }
        String text = (String) raw;
        try {
            if (encoding == WsEncoding.XMLRPC) {
                XmlRpc.MethodCall call = XmlRpc.readCall(text.getBytes(StandardCharsets.UTF_8));
                return type.cast(new XmlRpcMessage(call.method(), call.params()));
            }
            return type == String.class ? type.cast(text) : Json.mapper().readValue(text, type);
        } catch (IOException e) {
            throw new BadMessage(1007, "not " + (encoding == WsEncoding.XMLRPC ? "an XML-RPC methodCall" : "JSON for "
                    + type.getSimpleName()) + ": " + firstLine(e.getMessage()));
        }
    }

    /** What {@code value} is sent as: a {@code String} as text, {@code byte[]} as binary, the rest encoded. */
    static Frame encode(Object value, WsEncoding encoding) {
        if (value instanceof String s) {
            return new Frame(s, null);
        }
        if (value instanceof byte[] b) {
            return new Frame(null, b);
        }
        byte[] encoded = encoding == WsEncoding.XMLRPC ? XmlRpc.response(value) : Json.bytes(value);
        return new Frame(new String(encoded, StandardCharsets.UTF_8), null);
    }

    private static String firstLine(String message) {
        String m = String.valueOf(message);
        int nl = m.indexOf('\n');
        String line = nl < 0 ? m : m.substring(0, nl);
        return line.length() > 100 ? line.substring(0, 100) : line; // a close reason has 123 bytes at most
    }
}
