package io.skitai.atila.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.skitai.atila.Body;
import io.skitai.atila.Param;
import io.skitai.core.Exchange;
import io.skitai.core.HttpError;
import io.skitai.core.Upload;
import io.skitai.was.Was;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/** Compiles, once per route method, one binder per parameter that fetches and converts its value. */
public final class Binders {

    /** Produces one argument of a route method for a request. */
    @FunctionalInterface
    public interface Binder {

        /** The argument for this call. */
        Object bind(Call call);
    }

    private Binders() {}

    /** The binders of a route method's parameters; throws {@link IllegalStateException} for a parameter it cannot bind. */
    public static Binder[] of(Method method) {
        return of(method, -2);
    }

    /**
     * The binders of a websocket route method: {@code WsClient} parameters get the client, the
     * parameter at {@code messageIndex} (-1: none) the message, the rest bind as a route's.
     */
    public static Binder[] ofWebSocket(Method method, int messageIndex) {
        return of(method, messageIndex);
    }

    /** The index of a websocket route method's message parameter: the first not a Was, Exchange or WsClient; -1 if none. */
    public static int messageIndex(Method method) {
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            if (types[i] != Was.class && types[i] != Exchange.class && types[i] != io.skitai.websocket.WsClient.class) {
                return i;
            }
        }
        return -1;
    }

    /** {@code messageIndex}: -2 for an HTTP route, else as {@link #ofWebSocket}. */
    private static Binder[] of(Method method, int messageIndex) {
        Parameter[] params = method.getParameters();
        Binder[] binders = new Binder[params.length];
        boolean bodyTaken = false;
        for (int i = 0; i < params.length; i++) {
            Parameter p = params[i];
            Class<?> type = p.getType();
            if (messageIndex > -2 && type == io.skitai.websocket.WsClient.class) {
                binders[i] = Call::wsClient;
            } else if (i == messageIndex) {
                binders[i] = Call::wsMessage;
            } else if (type == Was.class) {
                binders[i] = Call::was;
            } else if (type == Exchange.class) {
                binders[i] = Call::exchange;
            } else if (type == Upload.class || isUploadList(p)) {
                binders[i] = upload(nameOf(method, p, i), p);
            } else if (p.isAnnotationPresent(Body.class) || (!p.isAnnotationPresent(Param.class) && !isSimple(p))) {
                if (bodyTaken) {
                    throw new IllegalStateException(Messages.twoBodies(where(method, p)));
                }
                bodyTaken = true;
                binders[i] = body(p);
            } else {
                binders[i] = param(method, p, nameOf(method, p, i));
            }
        }
        return binders;
    }

    private static boolean isUploadList(Parameter p) {
        return p.getType() == List.class && p.getParameterizedType() instanceof ParameterizedType pt
                && pt.getActualTypeArguments()[0] == Upload.class;
    }

    /**
     * The request name a parameter binds by: its {@code @Param} value, else its name in the class
     * file, which is there only when the class was compiled with {@code -parameters}; without it the
     * route cannot bind and fails here, at mount time, instead of answering every request 400.
     */
    private static String nameOf(Method method, Parameter p, int index) {
        Param ann = p.getAnnotation(Param.class);
        if (ann != null && !ann.value().isEmpty()) {
            return ann.value();
        }
        if (!p.isNamePresent()) {
            throw new IllegalStateException(Messages.noParameterName(method, p, index));
        }
        return p.getName();
    }

    private static Binder upload(String name, Parameter p) {
        Param ann = p.getAnnotation(Param.class);
        boolean required = ann == null || ann.required();
        boolean list = p.getType() == List.class;
        return call -> {
            List<Upload> files = call.uploads(name);
            if (files.isEmpty() && required) {
                throw new HttpError(400, Messages.fileRequired(name));
            }
            if (list) {
                return List.copyOf(files);
            }
            return files.isEmpty() ? null : files.get(0);
        };
    }

    private static boolean isSimple(Parameter p) {
        return Converters.forType(p.getType()) != null || elementConverter(p) != null;
    }

    private static Converters.Converter elementConverter(Parameter p) {
        if (p.getType() != List.class || !(p.getParameterizedType() instanceof ParameterizedType pt)) {
            return null;
        }
        Type arg = pt.getActualTypeArguments()[0];
        return arg instanceof Class<?> c ? Converters.forType(c) : null;
    }

    private static Binder body(Parameter p) {
        JavaType type = TypeFactory.defaultInstance().constructType(p.getParameterizedType());
        String name = p.getName();
        return call -> call.body(type, name);
    }

    private static Binder param(Method method, Parameter p, String name) {
        Param ann = p.getAnnotation(Param.class);
        boolean hasDefault = ann != null && !Param.NONE.equals(ann.defaultValue());
        String defaultValue = hasDefault ? ann.defaultValue() : null;
        boolean required = !hasDefault && (ann == null || ann.required());
        Class<?> type = p.getType();
        Converters.Converter single = Converters.forType(type);
        if (single != null) {
            boolean emptyIsMissing = type != String.class;
            Object absent = Converters.absent(type);
            Object fallback = hasDefault ? convertDefault(method, p, single, name, defaultValue) : null;
            return call -> {
                List<String> values = call.values(name);
                String value = values.isEmpty() ? null : values.get(0);
                if (value == null || (emptyIsMissing && value.isEmpty())) {
                    if (hasDefault) {
                        return fallback;
                    }
                    if (required) {
                        throw new HttpError(400, Messages.parameterRequired(name));
                    }
                    return absent;
                }
                return single.apply(name, value);
            };
        }
        Converters.Converter element = elementConverter(p);
        if (element == null) {
            throw new IllegalStateException(Messages.unbindableType(where(method, p), p.getParameterizedType()));
        }
        List<Object> fallback = hasDefault ? convertList(List.of(defaultValue.split(",")), element, name) : List.of();
        return call -> {
            List<String> values = call.values(name).stream().filter(v -> !v.isEmpty()).toList();
            if (values.isEmpty()) {
                if (required) {
                    throw new HttpError(400, Messages.parameterRequired(name));
                }
                return fallback;
            }
            return convertList(values, element, name);
        };
    }

    private static Object convertDefault(Method method, Parameter p, Converters.Converter c, String name, String value) {
        try {
            return c.apply(name, value);
        } catch (HttpError e) {
            throw new IllegalStateException(Messages.badDefault(where(method, p), value, c.expected()), e);
        }
    }

    private static List<Object> convertList(List<String> values, Converters.Converter c, String name) {
        List<Object> out = new ArrayList<>(values.size());
        for (String v : values) {
            out.add(c.apply(name, v));
        }
        return List.copyOf(out);
    }

    static String where(Method method, Parameter p) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName() + "(" + p.getName() + ")";
    }
}
