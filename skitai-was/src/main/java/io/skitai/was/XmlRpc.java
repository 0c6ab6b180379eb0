package io.skitai.was;

import io.skitai.was.internal.XmlRpcReader;
import io.skitai.was.internal.XmlRpcWriter;
import java.io.IOException;
import java.util.List;

/**
 * XML-RPC messages as bytes, for other transports than HTTP (skitai-websocket's XML-RPC
 * encoding): the same reader and writer as {@code was.rpc} and {@link XmlRpcService}. Values map
 * as there: {@code Integer}/{@code Long}, {@code Double}, {@code Boolean}, {@code String},
 * {@code byte[]} (base64), {@code LocalDateTime} (dateTime.iso8601), {@code List}, {@code Map}.
 */
public final class XmlRpc {

    private XmlRpc() {}

    /** A decoded {@code methodCall}. */
    public record MethodCall(String method, List<Object> params) {}

    /** Reads a {@code methodCall}; refuses malformed XML, DTDs and entity tricks. */
    public static MethodCall readCall(byte[] xml) throws IOException {
        XmlRpcReader.MethodCall call = XmlRpcReader.call(xml);
        return new MethodCall(call.method(), call.params());
    }

    /** Writes a {@code methodCall}. */
    public static byte[] call(String method, Object... params) {
        return XmlRpcWriter.call(method, params);
    }

    /** Writes a {@code methodResponse} holding {@code result}. */
    public static byte[] response(Object result) {
        return XmlRpcWriter.response(result);
    }

    /** Writes a fault {@code methodResponse}. */
    public static byte[] fault(int code, String message) {
        return XmlRpcWriter.fault(code, message);
    }

    /** Reads a {@code methodResponse}: its value, or an {@link RpcFault} for a fault. */
    public static Object readResponse(byte[] xml) throws IOException {
        return XmlRpcReader.response(xml);
    }
}
