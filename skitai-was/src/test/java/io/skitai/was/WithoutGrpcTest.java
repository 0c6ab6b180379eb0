package io.skitai.was;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/**
 * gRPC is an optional dependency of skitai-was: without it on the class path, {@code Was} still
 * loads, links and reflects (Atila and Pebble look at its methods), and {@code was.grpc} or
 * {@code GrpcServing} fail with a message naming the dependencies to add.
 */
class WithoutGrpcTest {

    @Test
    void wasWorksWithoutGrpcAndGrpcSaysWhatToAdd() throws Exception {
        ClassLoader withoutGrpc = new WithoutGrpc(getClass().getClassLoader());
        Class<?> was = Class.forName("io.skitai.was.Was", true, withoutGrpc); // initialised: every method verified
        assertThat(was.getClassLoader()).isSameAs(withoutGrpc);
        assertThat(was.getMethods()).extracting(Method::getName).contains("grpc", "urlFor", "render");
        assertThatThrownBy(() -> withoutGrpc.loadClass("io.grpc.MethodDescriptor")).isInstanceOf(ClassNotFoundException.class);

        Method require = Class.forName("io.skitai.was.internal.GrpcRequired", true, withoutGrpc)
                .getMethod("require", String.class);
        assertThatThrownBy(() -> require.invoke(null, "was.grpc"))
                .isInstanceOf(InvocationTargetException.class)
                .cause().isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("SKITAI-W020 was.grpc needs gRPC on the class path")
                .hasMessageContaining("io.grpc:grpc-netty-shaded, io.grpc:grpc-stub and io.grpc:grpc-protobuf");
    }

    /** Loads skitai-was's classes itself and hides gRPC and protobuf; everything else from the parent. */
    private static final class WithoutGrpc extends ClassLoader {

        WithoutGrpc(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (name.startsWith("io.grpc.") || name.startsWith("com.google.protobuf.")) {
                    throw new ClassNotFoundException(name + " (hidden by the test)");
                }
                if (!name.startsWith("io.skitai.was.")) {
                    return super.loadClass(name, resolve);
                }
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        if (in == null) {
                            throw new ClassNotFoundException(name);
                        }
                        byte[] bytes = in.readAllBytes();
                        c = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }
}
