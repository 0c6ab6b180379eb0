package io.skitai.testkit.internal;

import io.skitai.core.Run;
import io.skitai.core.ServerBuilder;
import io.skitai.core.ServerConfig;
import io.skitai.core.SkitaiServer;
import io.skitai.testkit.SkitaiTest;
import io.skitai.testkit.TestServer;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/** Turns a {@link SkitaiTest} class into a running server: dry target, child JVM, or @TestServer method. */
public final class ServerSource {

    private ServerSource() {}

    /** Starts (or, when dry, attaches to) the server a test class asks for. */
    public static RunningServer start(Class<?> testClass, SkitaiTest spec) {
        List<Method> factories = AnnotationSupport.findAnnotatedMethods(testClass, TestServer.class,
                HierarchyTraversalMode.TOP_DOWN);
        boolean hasApp = spec.app() != void.class;
        if (spec.dry()) {
            return ExternalServer.attach(FreePorts.LOOPBACK, dryPort(testClass, spec));
        }
        if (hasApp && !factories.isEmpty()) {
            throw new ExtensionConfigurationException(Messages.tooManyServerSources(testClass,
                    "app = " + spec.app().getSimpleName() + ".class and @TestServer " + factories.get(0).getName() + "()"));
        }
        if (hasApp) {
            return ChildJvmServer.start(spec.app(), spec.port(), List.of(spec.args()), List.of(spec.jvmArgs()),
                    ChildJvmServer.START_TIMEOUT);
        }
        if (factories.isEmpty()) {
            throw new ExtensionConfigurationException(Messages.noServerSource(testClass));
        }
        if (factories.size() > 1) {
            throw new ExtensionConfigurationException(Messages.tooManyServerSources(testClass,
                    factories.stream().map(m -> "@TestServer " + m.getName() + "()").toList().toString()));
        }
        SkitaiServer server = invoke(factories.get(0));
        return InProcessServer.start(server, Run.port(spec.port()).address(FreePorts.LOOPBACK));
    }

    private static SkitaiServer invoke(Method factory) {
        String name = factory.getDeclaringClass().getSimpleName() + "." + factory.getName() + "()";
        if (!Modifier.isStatic(factory.getModifiers())) {
            throw new ExtensionConfigurationException(Messages.badFactory(name, "is not static"));
        }
        if (factory.getParameterCount() != 0) {
            throw new ExtensionConfigurationException(Messages.badFactory(name, "takes parameters"));
        }
        Class<?> type = factory.getReturnType();
        if (!SkitaiServer.class.isAssignableFrom(type) && !ServerBuilder.class.isAssignableFrom(type)
                && !ServerConfig.class.isAssignableFrom(type)) {
            throw new ExtensionConfigurationException(Messages.badFactory(name,
                    "returns " + type.getName() + ", not SkitaiServer, ServerConfig or ServerBuilder"));
        }
        Object server = ReflectionSupport.invokeMethod(factory, null);
        if (server == null) {
            throw new ExtensionConfigurationException(Messages.badFactory(name, "returned null"));
        }
        if (server instanceof ServerBuilder builder) {
            return SkitaiServer.create(builder.build());
        }
        return server instanceof ServerConfig config ? SkitaiServer.create(config) : (SkitaiServer) server;
    }

    private static int dryPort(Class<?> testClass, SkitaiTest spec) {
        if (spec.port() != 0) {
            return spec.port();
        }
        String value = System.getProperty(SkitaiTest.PORT_PROPERTY, "").strip();
        try {
            int port = Integer.parseInt(value);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // Falls through to the message below.
        }
        throw new ExtensionConfigurationException(Messages.dryNeedsPort(testClass, SkitaiTest.PORT_PROPERTY));
    }
}
