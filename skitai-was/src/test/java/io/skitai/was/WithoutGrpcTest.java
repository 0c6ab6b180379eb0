package io.skitai.was;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        ClassLoader withoutGrpc = new HidingClassLoader(getClass().getClassLoader(), "io.grpc.", "com.google.protobuf.");
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
}
