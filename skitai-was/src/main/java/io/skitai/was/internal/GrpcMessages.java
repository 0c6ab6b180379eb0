package io.skitai.was.internal;

/**
 * The messages of skitai-was's gRPC client and server, each with a stable id ({@code SKITAI-Gnnn})
 * and written to be acted on.
 */
public final class GrpcMessages {

    private GrpcMessages() {}

    public static String grpcMissing(String feature, String className) {
        return "SKITAI-G001 " + feature + " needs gRPC on the class path (" + className + " is missing): add"
                + " io.grpc:grpc-netty-shaded, io.grpc:grpc-stub and io.grpc:grpc-protobuf (import io.grpc:grpc-bom"
                + " for one version) to your dependencies";
    }

    public static String grpcScheme(java.net.URI uri) {
        return "SKITAI-G002 was.grpc cannot call " + uri + ": give http://host:port (plain HTTP/2) or https://host:port"
                + " (TLS), optionally followed by /package.Service";
    }

    public static String grpcServiceMismatch(String url, String service, String method) {
        return "SKITAI-G003 was.grpc(\"" + url + "\") names service " + service + ", but " + method
                + " belongs to another service";
    }

    public static String grpcNoService(String url, String method) {
        return "SKITAI-G004 was.grpc(\"" + url + "\").call(\"" + method + "\", ..) needs the service in the URL"
                + " (.../package.Service), or call it with the MethodDescriptor (ServiceGrpc.get" + method + "Method())";
    }

    public static String grpcServiceNotFound(String service, String file, String reason) {
        return "SKITAI-G005 gRPC service " + service + " is not found through the request's file " + file + " ("
                + reason + "): call it with the MethodDescriptor (ServiceGrpc.getXxxMethod()) instead";
    }

    public static String grpcMethodNotFound(String service, String method, java.util.Collection<String> methods) {
        return "SKITAI-G006 gRPC service " + service + " has no method " + method + "; it has " + methods;
    }

    public static String grpcStreamingUnsupported(String method, String type) {
        return "SKITAI-G007 was.grpc calls unary and server-streaming methods; " + method + " is " + type
                + ": use a stub on a channel of your own for it";
    }
}
