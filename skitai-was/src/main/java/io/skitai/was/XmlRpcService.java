package io.skitai.was;

import io.skitai.core.Exchange;
import io.skitai.core.Handler;
import io.skitai.core.HttpError;
import io.skitai.was.internal.XmlRpcReader;
import io.skitai.was.internal.XmlRpcWriter;
import java.io.IOException;
import java.lang.System.Logger.Level;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An XML-RPC endpoint to mount: {@code Skitai.mount("/rpc2", XmlRpcService.create().method("add",
 * args -> (Integer) args.get(0) + (Integer) args.get(1)))}. It answers POSTs of a
 * {@code methodCall} with a {@code methodResponse}; an unknown method is fault 1, a
 * {@link RpcFault} thrown by a method is sent as that fault, an unparsable call is fault 2, and any
 * other exception is fault 3 with a generic string (its message is logged, never sent). Values map
 * as in {@link Rpc}; the parser refuses DTDs and entities.
 */
public final class XmlRpcService implements Handler {

    private static final System.Logger LOG = System.getLogger("io.skitai.was");

    /** One XML-RPC method: its parameters in, its result out. */
    @FunctionalInterface
    public interface Method {
        /** Runs the method; throw {@link RpcFault} to answer with a fault. */
        Object call(List<Object> params) throws Exception;
    }

    private final Map<String, Method> methods = new ConcurrentHashMap<>();

    private XmlRpcService() {}

    /** An endpoint without methods. */
    public static XmlRpcService create() {
        return new XmlRpcService();
    }

    /** Adds (or replaces) method {@code name}. */
    public XmlRpcService method(String name, Method method) {
        if (name == null || name.isBlank() || method == null) {
            throw new IllegalArgumentException("an XML-RPC method needs a name and an implementation");
        }
        methods.put(name, method);
        return this;
    }

    @Override
    public void handle(Exchange exchange) {
        if (!exchange.method().equals("POST")) {
            throw new HttpError(405, "XML-RPC takes POST", Map.of("Allow", "POST"), null);
        }
        exchange.contentType("text/xml").send(answer(exchange.body()));
    }

    private byte[] answer(byte[] body) {
        XmlRpcReader.MethodCall call;
        try {
            call = XmlRpcReader.call(body);
        } catch (IOException e) {
            return XmlRpcWriter.fault(2, "malformed XML-RPC call: " + e.getMessage());
        }
        Method m = methods.get(call.method());
        if (m == null) {
            return XmlRpcWriter.fault(1, "no such method: " + call.method());
        }
        try {
            return XmlRpcWriter.response(m.call(call.params()));
        } catch (RpcFault fault) {
            return XmlRpcWriter.fault(fault.faultCode(), fault.faultString());
        } catch (Exception e) {
            LOG.log(Level.ERROR, "XML-RPC method " + call.method() + " failed", e);
            return XmlRpcWriter.fault(3, "the method failed");
        }
    }

    @Override
    public String toString() {
        return "XmlRpcService(" + methods.keySet() + ")";
    }
}
