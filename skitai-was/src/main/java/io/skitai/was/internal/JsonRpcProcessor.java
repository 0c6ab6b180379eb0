package io.skitai.was.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skitai.core.HttpError;
import io.skitai.was.JsonRpcService;
import io.skitai.was.RpcFault;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.function.Function;

/**
 * The JSON-RPC 2.0 protocol over one request body: parses it, checks every request object, runs
 * the calls of a batch in order and writes the responses (none for notifications).
 */
public final class JsonRpcProcessor {

    private static final System.Logger LOG = System.getLogger("io.skitai.was");

    /** The specification's error codes. */
    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;

    private JsonRpcProcessor() {}

    /**
     * The response body to {@code body}, or {@code null} when there is nothing to answer (only
     * notifications).
     */
    public static byte[] answer(byte[] body, ObjectMapper mapper, Function<String, JsonRpcService.Method> methods,
            int maxBatch) {
        JsonNode root;
        try {
            root = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(body);
        } catch (IOException e) {
            root = null;
        }
        if (root == null || root.isMissingNode()) {
            return write(mapper, error(mapper, NullNode.instance, PARSE_ERROR, "Parse error", null));
        }
        if (!root.isArray()) {
            ObjectNode response = one(root, mapper, methods);
            return response == null ? null : write(mapper, response);
        }
        if (root.isEmpty()) {
            return write(mapper, error(mapper, NullNode.instance, INVALID_REQUEST, "Invalid Request", null));
        }
        if (root.size() > maxBatch) {
            return write(mapper, error(mapper, NullNode.instance, INVALID_REQUEST, "Invalid Request",
                    "a batch holds at most " + maxBatch + " calls, this one " + root.size()));
        }
        ArrayNode out = mapper.createArrayNode();
        for (JsonNode request : root) {
            ObjectNode response = one(request, mapper, methods);
            if (response != null) {
                out.add(response);
            }
        }
        return out.isEmpty() ? null : write(mapper, out);
    }

    /** The response to one request object, or {@code null} for a notification. */
    private static ObjectNode one(JsonNode request, ObjectMapper mapper, Function<String, JsonRpcService.Method> methods) {
        JsonNode id = request.isObject() ? request.get("id") : null;
        boolean validId = id == null || id.isTextual() || id.isNumber() || id.isNull();
        JsonNode version = request.get("jsonrpc");
        JsonNode method = request.get("method");
        JsonNode params = request.get("params");
        if (!request.isObject() || !validId || version == null || !version.isTextual() || !version.asText().equals("2.0")
                || method == null || !method.isTextual() || (params != null && !params.isArray() && !params.isObject())) {
            return error(mapper, validId && id != null ? id : NullNode.instance, INVALID_REQUEST, "Invalid Request", null);
        }
        boolean notification = id == null;
        String name = method.asText();
        JsonRpcService.Method target = methods.apply(name);
        if (target == null) {
            return notification ? null : error(mapper, id, METHOD_NOT_FOUND, "Method not found", null);
        }
        try {
            Object result = target.call(RpcParams.of(params, mapper));
            if (notification) {
                return null;
            }
            ObjectNode response = mapper.createObjectNode().put("jsonrpc", "2.0");
            response.set("result", mapper.valueToTree(result));
            response.set("id", id);
            return response;
        } catch (RpcFault fault) {
            return notification ? null : error(mapper, id, fault.faultCode(), fault.faultString(), null);
        } catch (HttpError e) {
            return notification ? null : error(mapper, id, e.status(), e.getMessage(), null);
        } catch (Exception e) {
            LOG.log(Level.ERROR, "JSON-RPC method " + name + " failed", e);
            return notification ? null : error(mapper, id, INTERNAL_ERROR, "Internal error", null);
        }
    }

    private static ObjectNode error(ObjectMapper mapper, JsonNode id, int code, String message, String data) {
        ObjectNode error = mapper.createObjectNode().put("code", code).put("message", message);
        if (data != null) {
            error.put("data", data);
        }
        ObjectNode response = mapper.createObjectNode().put("jsonrpc", "2.0");
        response.set("error", error);
        response.set("id", id);
        return response;
    }

    private static byte[] write(ObjectMapper mapper, JsonNode response) {
        try {
            return mapper.writeValueAsBytes(response);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
