package io.skitai.was.internal;

/**
 * The check that gRPC is on the class path: it is an optional dependency of skitai-was. This class
 * refers to no io.grpc type, so it loads (and verifies) whether gRPC is there or not; call
 * {@link #require(String)} before touching any class that does.
 */
public final class GrpcRequired {

    /** Classes of grpc-netty-shaded, grpc-stub, grpc-protobuf and protobuf-java. */
    private static final String[] CLASSES = {"io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder",
        "io.grpc.stub.ClientCalls", "io.grpc.protobuf.ProtoUtils", "com.google.protobuf.Message"};

    private GrpcRequired() {}

    /** Throws a message naming the Maven coordinates to add when gRPC is not on the class path. */
    public static void require(String feature) {
        ClassLoader loader = GrpcRequired.class.getClassLoader();
        for (String name : CLASSES) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException(Messages.grpcMissing(feature, name), e);
            }
        }
    }
}
