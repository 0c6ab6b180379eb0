package io.skitai.was.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skitai.was.JsonRpcService;
import io.skitai.was.RpcFault;
import java.io.IOException;
import java.lang.invoke.MethodType;
import java.lang.reflect.Type;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The parameters of one RPC call: a JSON-RPC {@code params} member (array, object or absent) or
 * the decoded values of an XML-RPC call, converted on demand with the server's Jackson mapper.
 * Conversion is strict where Jackson is lenient by default: a fraction is not an integer and
 * {@code null} is not a primitive.
 */
public final class RpcParams implements JsonRpcService.Params {

    private final JsonNode node;
    private final List<?> values;
    private final ObjectMapper mapper;

    private RpcParams(JsonNode node, List<?> values, ObjectMapper mapper) {
        this.node = node;
        this.values = values;
        this.mapper = mapper;
    }

    /** A JSON-RPC call's {@code params} ({@code null} when absent). */
    public static RpcParams of(JsonNode params, ObjectMapper mapper) {
        return new RpcParams(params, null, mapper);
    }

    /** Positional parameters already decoded (an XML-RPC call's). */
    public static RpcParams positional(List<?> values, ObjectMapper mapper) {
        return new RpcParams(null, List.copyOf(values.stream().map(v -> v == null ? NULL : v).toList()), mapper);
    }

    /** Stands for a {@code null} value in {@link #values} ({@code List.copyOf} refuses nulls). */
    private static final Object NULL = new Object();

    @Override
    public boolean byName() {
        return node != null && node.isObject();
    }

    @Override
    public int size() {
        return values != null ? values.size() : node == null ? 0 : node.size();
    }

    @Override
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        if (byName()) {
            node.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    @Override
    public boolean has(int index, String name) {
        return byName() ? name != null && node.has(name) : index >= 0 && index < size();
    }

    @Override
    public Object get(int index, String name, Type type) {
        String label = label(index, name);
        if (!has(index, name)) {
            throw invalid("missing " + label);
        }
        Object raw = values != null ? values.get(index) : byName() ? node.get(name) : node.get(index);
        JavaType target = mapper.getTypeFactory().constructType(type);
        Class<?> rawClass = target.getRawClass();
        if (raw == NULL || (raw instanceof JsonNode n && n.isNull() && rawClass != JsonNode.class)) {
            if (rawClass.isPrimitive()) {
                throw invalid(label + " must be " + typeName(type) + ", got null");
            }
            return null;
        }
        if (!(raw instanceof JsonNode) && type instanceof Class<?> c && wrap(c).isInstance(raw)) {
            return raw;
        }
        try {
            JsonNode tree = raw instanceof JsonNode n ? n : mapper.valueToTree(raw);
            return mapper.readerFor(target)
                    .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                    .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .readValue(tree);
        } catch (IOException | IllegalArgumentException e) {
            throw invalid(label + " must be " + typeName(type) + ", got " + clip(raw) + at(e));
        }
    }

    private String label(int index, String name) {
        if (byName() || index < 0) {
            return "parameter '" + name + "'";
        }
        return "parameter " + (index + 1) + (name == null ? "" : " '" + name + "'");
    }

    private static RpcFault invalid(String detail) {
        return new RpcFault(JsonRpcProcessor.INVALID_PARAMS, "Invalid params: " + detail);
    }

    private static Class<?> wrap(Class<?> c) {
        return c.isPrimitive() ? MethodType.methodType(c).wrap().returnType() : c;
    }

    /** A type as a reader writes it: {@code List<String>}, not {@code java.util.List<java.lang.String>}. */
    private static String typeName(Type type) {
        return type.getTypeName().replaceAll("\\b[a-z][a-z0-9_]*\\.", "").replace('$', '.');
    }

    private static String at(Exception e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference r : m.getPath()) {
                path.append(r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]");
            }
            return " (at " + path.substring(path.charAt(0) == '.' ? 1 : 0) + ")";
        }
        return "";
    }

    private static String clip(Object raw) {
        String text = raw instanceof JsonNode n ? n.toString() : raw instanceof String s ? "\"" + s + "\"" : String.valueOf(raw);
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
