package io.skitai.core.internal.process;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.TimeUnit;

/**
 * POSIX signals for the process model: handlers for TERM, INT and HUP in this JVM (through
 * {@code sun.misc.Signal} of the {@code jdk.unsupported} module, reached reflectively so the build
 * stays free of internal-API warnings), and sending a signal to another process ({@code kill}).
 */
public final class Signals {

    private static final System.Logger LOG = System.getLogger("io.skitai.core");

    private Signals() {}

    /**
     * Runs {@code action} on a new thread each time this JVM receives signal {@code name} (e.g.
     * {@code "TERM"}), instead of the JVM's default reaction. Returns false when the signal cannot
     * be handled here (another platform, or the JVM was started with {@code -Xrs}).
     */
    public static boolean handle(String name, Runnable action) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object signal = signalClass.getConstructor(String.class).newInstance(name);
            InvocationHandler invocation = (proxy, method, args) -> dispatch(proxy, method, args, name, action);
            Object handler = Proxy.newProxyInstance(Signals.class.getClassLoader(), new Class<?>[] {handlerClass}, invocation);
            signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, signal, handler);
            return true;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot handle SIG" + name + " in this JVM", e);
            return false;
        }
    }

    private static Object dispatch(Object proxy, Method method, Object[] args, String name, Runnable action) {
        return switch (method.getName()) {
            case "handle" -> {
                Thread.ofPlatform().name("skitai-SIG" + name).start(action);
                yield null;
            }
            case "toString" -> "Skitai SIG" + name + " handler";
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> null;
        };
    }

    /** Sends signal {@code name} to process {@code pid} with {@code kill -NAME pid}; returns whether it went. */
    public static boolean send(long pid, String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
