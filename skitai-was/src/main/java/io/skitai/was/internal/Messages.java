package io.skitai.was.internal;

import java.util.Collection;

/**
 * Every message the was module shows a user about a failure, in one place, each with a stable id
 * ({@code SKITAI-Wnnn}) and written to be acted on.
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

    public static String noRequest() {
        return "SKITAI-W005 Was.current() is only available while a request is handled on this thread;"
                + " take the Was as a route parameter and pass it to threads of your own";
    }

    public static String keepAliveFixed(long wanted, String property, String inForce) {
        return "SKITAI-W006 setBackendKeepAlive(" + wanted + " s) cannot take effect: the JDK HTTP client reads "
                + property + " once per JVM and it is " + inForce + "; run one server per JVM or set -D" + property;
    }

    public static String tlsRefused(String hostPort, String why) {
        return "SKITAI-W007 the TLS certificate of " + hostPort + " is not accepted (" + why + "): trust its CA"
                + " or the certificate itself with Skitai.setUpstreamTrust(\"ca.pem\"), and call the upstream"
                + " by a host name the certificate names";
    }
}
