package io.skitai.atila.internal;

import io.skitai.atila.Param;
import io.skitai.core.Exchange;
import io.skitai.core.HttpError;
import io.skitai.was.JsonRpcService;
import io.skitai.was.RpcFault;
import io.skitai.was.Was;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * One {@code @RpcMethod}, ready to call: a method handle prepared at mount time and how each Java
 * parameter binds from an RPC call's parameters (by position, by name, or the request's
 * {@code Was}/{@code Exchange}).
 */
final class RpcTarget {

    /** How one Java parameter gets its value. */
    private record Slot(Kind kind, int position, String name, Type type, boolean required, String defaultValue) {}

    private enum Kind { WAS, EXCHANGE, VALUE, REST }

    private final MethodHandle invoker;
    private final Slot[] slots;
    private final int values;
    private final boolean rest;
    private final Set<String> names = new LinkedHashSet<>();
    private final String description;

    private RpcTarget(MethodHandle invoker, Slot[] slots, String description) {
        this.invoker = invoker;
        this.slots = slots;
        this.description = description;
        int count = 0;
        boolean varargs = false;
        for (Slot s : slots) {
            if (s.kind() == Kind.VALUE || s.kind() == Kind.REST) {
                count++;
                varargs |= s.kind() == Kind.REST;
                if (s.name() != null) {
                    names.add(s.name());
                }
            }
        }
        this.values = count;
        this.rest = varargs;
    }

    /** Prepares {@code method} of {@code controller}. */
    static RpcTarget of(Object controller, Method method) {
        String description = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        Parameter[] params = method.getParameters();
        Slot[] slots = new Slot[params.length];
        int position = 0;
        for (int i = 0; i < params.length; i++) {
            Parameter p = params[i];
            Param ann = p.getAnnotation(Param.class);
            String name = ann != null && !ann.value().isEmpty() ? ann.value() : p.isNamePresent() ? p.getName() : null;
            boolean hasDefault = ann != null && !Param.NONE.equals(ann.defaultValue());
            Kind kind = p.getType() == Was.class ? Kind.WAS : p.getType() == Exchange.class ? Kind.EXCHANGE
                    : method.isVarArgs() && i == params.length - 1 ? Kind.REST : Kind.VALUE;
            slots[i] = new Slot(kind, kind == Kind.VALUE || kind == Kind.REST ? position++ : -1, name,
                    kind == Kind.REST ? p.getType() : p.getParameterizedType(), !hasDefault && (ann == null || ann.required()),
                    hasDefault ? ann.defaultValue() : null);
        }
        try {
            method.trySetAccessible();
            MethodHandle handle = MethodHandles.lookup().unreflect(method).bindTo(controller);
            if (method.isVarArgs()) {
                handle = handle.asFixedArity();
            }
            MethodHandle spread = handle.asSpreader(Object[].class, params.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
            return new RpcTarget(spread, slots, description);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(Messages.notAccessible(description), e);
        }
    }

    /** Binds {@code params}, calls the method and returns its result; a binding problem is an {@code RpcFault} -32602. */
    Object call(JsonRpcService.Params params) throws Exception {
        checkArity(params);
        Object[] args = new Object[slots.length];
        for (int i = 0; i < slots.length; i++) {
            args[i] = bind(slots[i], params);
        }
        Object result;
        try {
            result = (Object) invoker.invokeExact(args);
            if (result instanceof CompletionStage<?> stage) {
                result = stage.toCompletableFuture().join();
            }
        } catch (CompletionException e) {
            throw translate(e.getCause() == null ? e : e.getCause());
        } catch (Throwable t) {
            throw translate(t);
        }
        return result;
    }

    private void checkArity(JsonRpcService.Params params) {
        if (params.byName()) {
            for (String given : params.names()) {
                if (!names.contains(given)) {
                    throw invalid("unknown parameter '" + given + "'");
                }
            }
        } else if (!rest && params.size() > values) {
            throw invalid(description + " takes " + values + " parameter" + (values == 1 ? "" : "s") + ", got " + params.size());
        }
    }

    private static Object bind(Slot slot, JsonRpcService.Params params) {
        return switch (slot.kind()) {
            case WAS -> Was.current();
            case EXCHANGE -> Exchange.current().orElseThrow();
            case REST -> rest(slot, params);
            case VALUE -> {
                if (params.has(slot.position(), slot.name())) {
                    yield value(slot, params);
                }
                if (slot.required()) {
                    yield params.get(slot.position(), slot.name(), slot.type());
                }
                if (slot.defaultValue() != null) {
                    Slot first = new Slot(Kind.VALUE, 0, slot.name(), slot.type(), true, null);
                    yield value(first, JsonRpcService.Params.of(List.of(slot.defaultValue()),
                            Exchange.current().orElseThrow().server().json()));
                }
                yield slot.type() instanceof Class<?> c && c.isPrimitive() ? Converters.absent(c) : null;
            }
        };
    }

    /**
     * A given value: a string for a type a route parameter converts (dates, instants, UUIDs, enums in
     * any case...) converts as a route parameter does; anything else through Jackson.
     */
    private static Object value(Slot slot, JsonRpcService.Params params) {
        Converters.Converter converter = slot.type() instanceof Class<?> c && c != String.class ? Converters.forType(c) : null;
        if (converter != null && params.get(slot.position(), slot.name(), Object.class) instanceof String text) {
            try {
                return converter.convert().apply(text);
            } catch (RuntimeException e) {
                String label = params.byName() ? "parameter '" + slot.name() + "'"
                        : "parameter " + (slot.position() + 1) + (slot.name() == null ? "" : " '" + slot.name() + "'");
                throw invalid(label + " must be " + converter.expected() + ", got \"" + Converters.clip(text) + "\"");
            }
        }
        return params.get(slot.position(), slot.name(), slot.type());
    }

    /** A varargs parameter: the named value as an array, or every positional value from its position on. */
    private static Object rest(Slot slot, JsonRpcService.Params params) {
        if (params.byName()) {
            return params.has(-1, slot.name()) ? params.get(-1, slot.name(), slot.type())
                    : Array.newInstance(((Class<?>) slot.type()).getComponentType(), 0);
        }
        Class<?> component = ((Class<?>) slot.type()).getComponentType();
        int count = Math.max(0, params.size() - slot.position());
        Object array = Array.newInstance(component, count);
        for (int i = 0; i < count; i++) {
            Array.set(array, i, params.get(slot.position() + i, null, component));
        }
        return array;
    }

    /** What the endpoint answers for a method's exception: its own fault, an HttpError as a fault, anything else as is. */
    private static Exception translate(Throwable t) {
        if (t instanceof HttpError e) {
            return new RpcFault(e.status(), e.getMessage());
        }
        if (t instanceof Exception e) {
            return e;
        }
        return new IllegalStateException(t);
    }

    private static RpcFault invalid(String detail) {
        return new RpcFault(-32602, "Invalid params: " + detail);
    }

    @Override
    public String toString() {
        return description;
    }
}
