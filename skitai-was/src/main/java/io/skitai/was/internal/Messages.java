package io.skitai.was.internal;

import java.util.Collection;

/**
 * Every message the was module shows a user about a failure, in one place, each with a stable id
 * ({@code SKITAI-Wnnn}; gRPC from W020) and written to be acted on.
 */
public final class Messages {

    private Messages() {}

    public static String unknownAlias(String name, Collection<String> known) {
        return "SKITAI-W001 no alias named " + name + " is defined; define it before the server starts with"
                + " Skitai.alias(\"" + name + "\", Proto.HTTP, \"host:port\")"
                + (known.isEmpty() ? " (no aliases are defined)" : " (defined: " + String.join(", ", known) + ")");
    }

    public static String badUrl(String url, String reason) {
        return "SKITAI-W002 cannot call '" + url + "': " + reason
                + "; give \"@alias/path\" or an absolute http(s):// URL";
    }

    public static String badBody(String type, String contentType) {
        return "SKITAI-W003 cannot send a " + type + " as " + contentType
                + ": pass a String or byte[], or use a JSON or form Content-Type for objects and maps";
    }

    public static String badUploadField(String name, String type) {
        return "SKITAI-W004 upload field '" + name + "' is a " + type
                + ": a field value is a String (text field) or a Part, Path or byte[] (file)";
    }

    public static String noRequestForTask() {
        return "SKITAI-W008 this Was serves no request (a @Maintain task): there is no request or response here";
    }

    public static String rpcMethodName(String protocol) {
        return "SKITAI-W060 a " + protocol + " method needs a non-blank name and an implementation";
    }

    public static String reservedRpcName(String name) {
        return "SKITAI-W061 JSON-RPC method names starting with \"rpc.\" are reserved by the specification: " + name;
    }

    public static String maxBatch(int max) {
        return "SKITAI-W062 a JSON-RPC batch limit is at least 1, got " + max;
    }

    public static String noRequest() {
        return "SKITAI-W005 Was.current() is only available while a request is handled on this thread;"
                + " take the Was as a route parameter and pass it to threads of your own";
    }

    public static String tlsRefused(String hostPort, String why) {
        return "SKITAI-W007 the TLS certificate of " + hostPort + " is not accepted (" + why + "): trust its CA"
                + " or the certificate itself with Skitai.setUpstreamTrust(\"ca.pem\"), and call the upstream"
                + " by a host name the certificate names";
    }

    public static String smtpdaMissing(String feature, String className) {
        return "SKITAI-W009 " + feature + " needs skitai-smtpda on the class path (" + className + " is missing):"
                + " add io.skitai:skitai-smtpda (the version of skitai-was) to your dependencies";
    }

    // ---- gRPC (ids SKITAI-W020 and up) ----

    public static String grpcMissing(String feature, String className) {
        return "SKITAI-W020 " + feature + " needs gRPC on the class path (" + className + " is missing): add"
                + " io.grpc:grpc-netty-shaded, io.grpc:grpc-stub and io.grpc:grpc-protobuf (import io.grpc:grpc-bom"
                + " for one version) to your dependencies";
    }

    public static String grpcScheme(java.net.URI uri) {
        return "SKITAI-W021 was.grpc cannot call " + uri + ": give http://host:port (plain HTTP/2) or https://host:port"
                + " (TLS), optionally followed by /package.Service";
    }

    public static String grpcServiceMismatch(String url, String service, String method) {
        return "SKITAI-W022 was.grpc(\"" + url + "\") names service " + service + ", but " + method
                + " belongs to another service";
    }

    public static String grpcNoService(String url, String method) {
        return "SKITAI-W023 was.grpc(\"" + url + "\").call(\"" + method + "\", ..) needs the service in the URL"
                + " (.../package.Service), or call it with the MethodDescriptor (ServiceGrpc.get" + method + "Method())";
    }

    public static String grpcServiceNotFound(String service, String file, String reason) {
        return "SKITAI-W024 gRPC service " + service + " is not found through the request's file " + file + " ("
                + reason + "): call it with the MethodDescriptor (ServiceGrpc.getXxxMethod()) instead";
    }

    public static String grpcMethodNotFound(String service, String method, java.util.Collection<String> methods) {
        return "SKITAI-W025 gRPC service " + service + " has no method " + method + "; it has " + methods;
    }

    public static String grpcStreamingUnsupported(String method, String type) {
        return "SKITAI-W026 was.grpc calls unary and server-streaming methods; " + method + " is " + type
                + ": use a stub on a channel of your own for it";
    }

    public static String placeholderCount(int placeholders, int params) {
        return "SKITAI-W027 the statement has " + placeholders + " ? placeholders but " + params
                + " parameters were given";
    }

    public static String notSqlAlias(String alias, String type) {
        return "SKITAI-W028 " + alias + " is a " + type + " alias; was.backend(..) runs SQL on Db.POSTGRESQL and"
                + " Db.SQLITE3 aliases: define it with Skitai.alias(\"" + alias + "\", Db.POSTGRESQL, \"user:pass@host:5432/db\")";
    }

    public static String wrongDb(String alias, String type, String wanted) {
        return "SKITAI-W029 " + alias + " is a " + type + " alias, not " + wanted + "; call it with was.backend(\""
                + alias + "\") to follow the alias's type";
    }

    public static String driverMissing(String engine, String artifacts, String className) {
        return "SKITAI-W030 " + engine + " calls need " + artifacts + " on the class path (" + className
                + " is missing): add the dependency to your project";
    }

    public static String sqlUrl(String url) {
        return "SKITAI-W031 " + url + " names an alias and a path; a database alias is called as was.backend(\"@name\")";
    }

    public static String sessionsNotConfigured() {
        return "SKITAI-W040 sessions are not configured: give them a secret, e.g."
                + " Skitai.set(SessionConfig.SETTING, SessionConfig.cookie(secret)) (at least 32 bytes)";
    }

    public static String sessionTooLarge(int size, int limit) {
        return "SKITAI-W041 a session kept in its cookie would take " + size + " bytes, more than the " + limit
                + " a cookie holds: keep less in it, or keep sessions on the server (SessionConfig.shared)";
    }

    public static String csrfRefused(String why) {
        return "SKITAI-W042 the request's CSRF token " + why;
    }

    public static String jwtMissing() {
        return "SKITAI-W043 was.mkjwt and was.dejwt use java-jwt: add the dependency com.auth0:java-jwt to your program";
    }
}
