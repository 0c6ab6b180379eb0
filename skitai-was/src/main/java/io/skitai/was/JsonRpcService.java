package io.skitai.was;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.skitai.core.Exchange;
import io.skitai.core.Handler;
import io.skitai.core.HttpError;
import io.skitai.was.internal.JsonRpcProcessor;
import io.skitai.was.internal.Messages;
import io.skitai.was.internal.RpcParams;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A JSON-RPC 2.0 endpoint to mount:
 *
 * <pre>{@code
 * Skitai.mount("/jsonrpc", JsonRpcService.create()
 *         .method("subtract", p -> p.get(0, "minuend", int.class) - p.get(1, "subtrahend", int.class)));
 * }</pre>
 *
 * <p>It answers POSTs (anything else is 405) of one request or a batch of at most
 * {@link #DEFAULT_MAX_BATCH} ({@link #maxBatch(int)}), with {@code 200 application/json}, or
 * {@code 204} when every call was a notification. Errors are the specification's: {@code -32700}
 * Parse error, {@code -32600} Invalid Request, {@code -32601} Method not found, {@code -32602}
 * Invalid params (a parameter missing or not convertible, with what is wrong), {@code -32603}
 * Internal error (any other exception: logged, its message never sent). A {@link RpcFault} thrown
 * by a method is sent as its code and string, an {@link HttpError} as its status and message.
 * Results are written with the server's Jackson mapper. The body is bounded like any other
 * request's (413 beyond the mount's limit).
 */
public final class JsonRpcService implements Handler {

    /** The most calls one batch may hold unless {@link #maxBatch(int)} says otherwise: 100. */
    public static final int DEFAULT_MAX_BATCH = 100;

    /** One JSON-RPC method: its parameters in, its result out. */
    @FunctionalInterface
    public interface Method {
        /** Runs the method; throw {@link RpcFault} to answer with that error. */
        Object call(Params params) throws Exception;
    }

    /**
     * The parameters of one call, given by position (a JSON array) or by name (a JSON object), read
     * into Java types with the server's Jackson mapper. A missing or unconvertible parameter throws
     * an {@link RpcFault} with code {@code -32602} that says which and why.
     */
    public interface Params {

        /** Whether the call named its parameters (a JSON object) rather than listing them. */
        boolean byName();

        /** How many parameters the call gave. */
        int size();

        /** The names the call gave (empty when it listed its parameters by position). */
        Set<String> names();

        /** Whether the call gave the parameter at {@code index} (by position) or called {@code name} (by name). */
        boolean has(int index, String name);

        /**
         * The parameter at {@code index} when the call listed them, or called {@code name} when it
         * named them (either may be unused: {@code -1} or {@code null}), as a {@code type}.
         */
        Object get(int index, String name, Type type);

        /** {@link #get(int, String, Type)} for a class. */
        @SuppressWarnings("unchecked")
        default <T> T get(int index, String name, Class<T> type) {
            return (T) get(index, name, (Type) type);
        }

        /** The parameter at {@code index} of a positional call. */
        default <T> T get(int index, Class<T> type) {
            return get(index, null, type);
        }

        /** The parameter called {@code name} of a call by name. */
        default <T> T get(String name, Class<T> type) {
            return get(-1, name, type);
        }

        /**
         * Positional parameters from decoded values, such as an XML-RPC call's, converted like a
         * JSON-RPC call's (a value already of the wanted type is taken as it is).
         */
        static Params of(List<?> values, ObjectMapper mapper) {
            return RpcParams.positional(values, mapper);
        }
    }

    private final Map<String, Method> methods = new ConcurrentHashMap<>();
    private volatile int maxBatch = DEFAULT_MAX_BATCH;

    private JsonRpcService() {}

    /** An endpoint without methods. */
    public static JsonRpcService create() {
        return new JsonRpcService();
    }

    /** Adds (or replaces) method {@code name}; names starting with {@code rpc.} are reserved. */
    public JsonRpcService method(String name, Method method) {
        if (name == null || name.isBlank() || method == null) {
            throw new IllegalArgumentException(Messages.rpcMethodName("JSON-RPC"));
        }
        if (name.startsWith("rpc.")) {
            throw new IllegalArgumentException(Messages.reservedRpcName(name));
        }
        methods.put(name, method);
        return this;
    }

    /** The most calls a batch may hold (default {@value #DEFAULT_MAX_BATCH}); a larger one is one -32600 error. */
    public JsonRpcService maxBatch(int max) {
        if (max < 1) {
            throw new IllegalArgumentException(Messages.maxBatch(max));
        }
        this.maxBatch = max;
        return this;
    }

    @Override
    public void handle(Exchange exchange) {
        if (!exchange.method().equals("POST")) {
            throw new HttpError(405, "JSON-RPC takes POST", Map.of("Allow", "POST"), null);
        }
        byte[] answer = JsonRpcProcessor.answer(exchange.body(), exchange.server().json(), methods::get, maxBatch);
        if (answer == null) {
            exchange.status(204).send(new byte[0]);
        } else {
            exchange.contentType("application/json").send(answer);
        }
    }

    @Override
    public String toString() {
        return "JsonRpcService(" + methods.keySet() + ")";
    }
}
