package io.skitai.atila.internal;

import io.skitai.atila.On;
import io.skitai.atila.OnBroadcast;
import io.skitai.was.AppEvents;
import io.skitai.was.Was;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.WrongMethodTypeException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event bus of one Atila app: its {@link On} and {@link OnBroadcast} methods, prepared at mount
 * time. Apps that are started join their server's set of apps, which {@link #broadcast} reaches
 * (never the apps of another server in the same JVM); they leave it when they stop.
 *
 * <p>Errors: what an {@code emit} handler throws propagates to the emitter; what an
 * {@code emitAfter} or a broadcast handler throws is logged, so one app cannot break the others.
 */
public final class Events implements AppEvents {

    private static final Logger LOG = System.getLogger("io.skitai.atila.events");
    /** The started apps of one server that its broadcasts reach. */
    private static final class Registry {
        final Set<Events> apps = ConcurrentHashMap.newKeySet();
    }

    private static final io.skitai.core.Key<Registry> REGISTRY = io.skitai.core.Key.of("atila.broadcasts", Registry.class);

    private final Map<String, List<Listener>> local;
    private final Map<String, List<Listener>> broadcast;
    private final Set<Registry> joined = ConcurrentHashMap.newKeySet();

    private Events(Map<String, List<Listener>> local, Map<String, List<Listener>> broadcast) {
        this.local = local;
        this.broadcast = broadcast;
    }

    /** Collects the event methods of {@code controllers}; throws {@link IllegalStateException} for one it cannot call. */
    public static Events of(List<Object> controllers) {
        Map<String, List<Listener>> local = new LinkedHashMap<>();
        Map<String, List<Listener>> broadcast = new LinkedHashMap<>();
        for (Object controller : controllers) {
            for (Method m : Controllers.methods(controller.getClass(), On.class)) {
                Listener l = Listener.of(controller, m);
                for (String e : m.getAnnotation(On.class).value()) {
                    local.computeIfAbsent(e, k -> new ArrayList<>()).add(l);
                }
            }
            for (Method m : Controllers.methods(controller.getClass(), OnBroadcast.class)) {
                Listener l = Listener.of(controller, m);
                for (String e : m.getAnnotation(OnBroadcast.class).value()) {
                    broadcast.computeIfAbsent(e, k -> new ArrayList<>()).add(l);
                }
            }
        }
        return new Events(Map.copyOf(local), Map.copyOf(broadcast));
    }

    /**
     * Joins the started apps of {@code server}, which broadcasts reach (an app mounted outside a
     * running server reaches only itself).
     */
    public void join(io.skitai.core.ServerContext server) {
        Registry registry;
        try {
            registry = server.service(REGISTRY, Registry::new);
        } catch (IllegalStateException notRunning) {
            registry = new Registry();
        }
        registry.apps.add(this);
        joined.add(registry);
    }

    /** Leaves every server it joined. */
    public void leave() {
        joined.forEach(r -> r.apps.remove(this));
        joined.clear();
    }

    @Override
    public void emit(Was was, String event, Object... args) {
        for (Listener l : local.getOrDefault(event, List.of())) {
            l.call(was, event, args);
        }
    }

    @Override
    public void emitAfter(Was was, String event, Object... args) {
        Object[] copy = args.clone();
        Runnable task = () -> Thread.ofVirtual().name("atila-emit-after").start(() -> {
            try {
                emit(was, event, copy);
            } catch (RuntimeException | Error e) {
                LOG.log(Level.WARNING, "a handler of event '" + event + "' (emitAfter) failed", e);
            }
        });
        if (was != null && was.hasRequest()) {
            was.request().onComplete(task);
        } else {
            task.run();
        }
    }

    @Override
    public void broadcast(Was was, String event, Object... args) {
        Set<Events> apps = new java.util.LinkedHashSet<>();
        joined.forEach(r -> apps.addAll(r.apps));
        for (Events app : apps) {
            for (Listener l : app.broadcast.getOrDefault(event, List.of())) {
                try {
                    l.call(was, event, args);
                } catch (RuntimeException | Error e) {
                    LOG.log(Level.WARNING, "broadcast handler " + l + " of event '" + event + "' failed", e);
                }
            }
        }
    }

    /** One event method: an optional leading Was, then the event's arguments. */
    private record Listener(MethodHandle handle, boolean takesWas, int arity, boolean varargs, String description) {

        static Listener of(Object controller, Method method) {
            String description = method.getDeclaringClass().getSimpleName() + "." + method.getName();
            Class<?>[] types = method.getParameterTypes();
            boolean takesWas = types.length > 0 && types[0] == Was.class;
            try {
                method.trySetAccessible();
                MethodHandle h = MethodHandles.lookup().unreflect(method);
                if (!Modifier.isStatic(method.getModifiers())) {
                    h = h.bindTo(controller);
                }
                if (method.isVarArgs()) {
                    h = h.asVarargsCollector(types[types.length - 1]);
                }
                return new Listener(h, takesWas, types.length - (takesWas ? 1 : 0), method.isVarArgs(), description);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(Messages.notAccessible(description), e);
            }
        }

        void call(Was was, String event, Object[] args) {
            if (!varargs && args.length != arity) {
                throw new IllegalArgumentException(Messages.eventArity(description, arity, event, args.length));
            }
            List<Object> values = new ArrayList<>(args.length + 1);
            if (takesWas) {
                values.add(was);
            }
            values.addAll(java.util.Arrays.asList(args));
            try {
                handle.invokeWithArguments(values);
            } catch (WrongMethodTypeException | ClassCastException e) {
                throw new IllegalArgumentException(Messages.eventArguments(description, event, e.getMessage()), e);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(Messages.threw(description + " (event '" + event + "')", t), t);
            }
        }

        @Override
        public String toString() {
            return description;
        }
    }
}
