package io.skitai.atila.internal;

import io.skitai.atila.RpcMethod;
import io.skitai.atila.RpcService;
import io.skitai.core.Exchange;
import io.skitai.was.JsonRpcService;
import io.skitai.was.XmlRpcService;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Adds the RPC endpoints of an app's controllers to its route table, at mount time: one POST
 * route per {@link RpcService} path, answering XML-RPC ({@code text/xml} bodies) with an
 * {@link XmlRpcService} and anything else as JSON-RPC with a {@link JsonRpcService}, both over
 * the {@link RpcMethod}s of every controller naming that path.
 */
final class RpcRoutes {

    private RpcRoutes() {}

    /** Adds a route for each {@code @RpcService} path of {@code controllers}; throws {@link IllegalStateException} for a malformed one. */
    static void add(List<Object> controllers, RouteTable<Endpoint> table) {
        Map<String, Map<String, RpcTarget>> byPath = new LinkedHashMap<>();
        Map<String, Integer> maxBatch = new LinkedHashMap<>();
        for (Object controller : controllers) {
            Class<?> type = controller.getClass();
            List<Method> methods = Controllers.methods(type, RpcMethod.class);
            RpcService service = type.getAnnotation(RpcService.class);
            if (service == null) {
                if (!methods.isEmpty()) {
                    throw new IllegalStateException(Messages.rpcWithoutService(methods.get(0)));
                }
                continue;
            }
            if (methods.isEmpty()) {
                throw new IllegalStateException(Messages.rpcServiceWithoutMethods(type));
            }
            for (String path : service.value()) {
                maxBatch.merge(path, service.maxBatch(), Math::min);
                Map<String, RpcTarget> targets = byPath.computeIfAbsent(path, p -> new LinkedHashMap<>());
                for (Method method : methods) {
                    addMethod(path, targets, controller, method);
                }
            }
        }
        byPath.forEach((path, targets) -> {
            Endpoint endpoint = endpoint(path, targets, maxBatch.get(path));
            PathTemplate template;
            try {
                template = PathTemplate.parse(path);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(Messages.at(endpoint, e.getMessage()), e);
            }
            table.add("POST", template, endpoint);
        });
    }

    private static void addMethod(String path, Map<String, RpcTarget> targets, Object controller, Method method) {
        if (Modifier.isStatic(method.getModifiers())) {
            throw new IllegalStateException(Messages.staticRpcMethod(method));
        }
        String given = method.getAnnotation(RpcMethod.class).value();
        String name = given.isEmpty() ? method.getName() : given;
        if (name.startsWith("rpc.")) {
            throw new IllegalStateException(Messages.reservedRpcName(method, name));
        }
        RpcTarget target = RpcTarget.of(controller, method);
        RpcTarget first = targets.putIfAbsent(name, target);
        if (first != null) {
            throw new IllegalStateException(Messages.duplicateRpcMethod(path, name, first.toString(), target.toString()));
        }
    }

    private static Endpoint endpoint(String path, Map<String, RpcTarget> targets, int maxBatch) {
        JsonRpcService json = JsonRpcService.create().maxBatch(maxBatch);
        XmlRpcService xml = XmlRpcService.create();
        targets.forEach((name, target) -> {
            json.method(name, target::call);
            xml.method(name, params -> {
                var mapper = Exchange.current().orElseThrow().server().json();
                return xmlValue(target.call(JsonRpcService.Params.of(params, mapper)), mapper);
            });
        });
        return Endpoint.of("RPC " + path + " " + targets.keySet(), call -> {
            Exchange exchange = call.exchange();
            String type = exchange.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            if (type.contains("xml")) {
                xml.handle(exchange);
            } else {
                json.handle(exchange);
            }
            return null;
        });
    }

    /**
     * A result as XML-RPC can carry it: its own types as they are, maps and collections item by
     * item, enums by name, anything else (records, beans) as Jackson writes it, as a struct.
     */
    static Object xmlValue(Object value, com.fasterxml.jackson.databind.ObjectMapper mapper) {
        if (value == null || value instanceof Boolean || value instanceof Number || value instanceof CharSequence
                || value instanceof LocalDateTime || value instanceof byte[]) {
            return value instanceof CharSequence s ? s.toString() : value;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), xmlValue(v, mapper)));
            return out;
        }
        if (value instanceof Collection<?> || value instanceof Object[]) {
            Collection<?> items = value instanceof Object[] array ? java.util.Arrays.asList(array) : (Collection<?>) value;
            List<Object> out = new ArrayList<>(items.size());
            items.forEach(v -> out.add(xmlValue(v, mapper)));
            return out;
        }
        return xmlValue(mapper.convertValue(value, Object.class), mapper);
    }
}
