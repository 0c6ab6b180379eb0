package io.skitai.testkit.internal;

import io.skitai.core.SkitaiServer;
import io.skitai.testkit.SkitaiTest;
import io.skitai.testkit.TestClient;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 side of {@link SkitaiTest}: starts the server of the annotated class before its
 * tests (or lazily, when a constructor asks for a client first), stops it after them, and
 * resolves {@link TestClient} and {@link SkitaiServer} parameters. A class inside an annotated
 * class ({@code @Nested}) uses the outer class's server unless it is annotated itself.
 */
public final class SkitaiExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SkitaiExtension.class);

    /** Created by JUnit for {@code @ExtendWith(SkitaiExtension.class)} (via {@link SkitaiTest}). */
    public SkitaiExtension() {}

    /** A started server and its client; closing stops what the testkit started. */
    private record Session(RunningServer server, TestClient client) implements AutoCloseable {
        @Override
        public void close() {
            try {
                client.close();
            } finally {
                server.close();
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        session(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (annotatedClass(context).isPresent()) {
            Session session = context.getStore(NAMESPACE).remove(key(context), Session.class);
            if (session != null) {
                session.close();
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestClient.class || type == SkitaiServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Session session = session(context);
        if (parameter.getParameter().getType() == TestClient.class) {
            return session.client();
        }
        return session.server().server().orElseThrow(() -> new ParameterResolutionException(
                Messages.noInProcessServer(context.getRequiredTestClass(), session.server().describe())));
    }

    private static Session session(ExtensionContext context) {
        ExtensionContext owner = owner(context);
        ExtensionContext.Store store = owner.getStore(NAMESPACE);
        synchronized (SkitaiExtension.class) {
            Session session = store.get(key(owner), Session.class);
            if (session == null) {
                Class<?> testClass = annotatedClass(owner).orElseThrow();
                SkitaiTest spec = AnnotationSupport.findAnnotation(testClass, SkitaiTest.class).orElseThrow();
                RunningServer server = ServerSource.start(testClass, spec);
                session = new Session(server, TestClient.of(server.host(), server.port()));
                store.put(key(owner), session);
                owner.publishReportEntry("skitai", server.toString());
            }
            return session;
        }
    }

    /** The nearest context, this one or an enclosing one, of a class annotated with {@link SkitaiTest}. */
    private static ExtensionContext owner(ExtensionContext context) {
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            if (annotatedClass(c.get()).isPresent()) {
                return c.get();
            }
        }
        throw new ExtensionConfigurationException(Messages.notSkitaiTest(context.getRequiredTestClass()));
    }

    private static Optional<Class<?>> annotatedClass(ExtensionContext context) {
        return context.getElement()
                .filter(e -> e instanceof Class<?>)
                .<Class<?>>map(e -> (Class<?>) e)
                .filter(type -> AnnotationSupport.isAnnotated(type, SkitaiTest.class));
    }

    private static String key(ExtensionContext owner) {
        return "session@" + owner.getUniqueId();
    }
}
