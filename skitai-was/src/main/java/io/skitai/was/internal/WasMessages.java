package io.skitai.was.internal;

/**
 * The messages skitai-was shows for gRPC failures, each with a stable id ({@code SKITAI-Gnnn})
 * and written to be acted on.
 */
public final class WasMessages {

    private WasMessages() {}

    public static String grpcMissing(String feature, String className) {
        return "SKITAI-G001 " + feature + " needs gRPC on the class path (" + className + " is missing): add"
                + " io.grpc:grpc-netty-shaded, io.grpc:grpc-stub and io.grpc:grpc-protobuf (import io.grpc:grpc-bom"
                + " for one version) to your dependencies";
    }
}
