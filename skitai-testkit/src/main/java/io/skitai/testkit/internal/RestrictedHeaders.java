package io.skitai.testkit.internal;

/**
 * Lets tests set headers the JDK's HttpClient refuses by default ({@code Host} for virtual hosts,
 * {@code Connection}, {@code Content-Length}, {@code Expect}, {@code Upgrade}). The JDK reads the
 * property once, when its HTTP client classes load, so this must run before any HttpClient or
 * HttpRequest is built; a value already set by the user is left alone.
 */
public final class RestrictedHeaders {

    /** The JDK system property that lists the restricted headers callers may set. */
    public static final String PROPERTY = "jdk.httpclient.allowRestrictedHeaders";

    /** The headers the testkit lets tests set. */
    public static final String ALLOWED = "host,connection,content-length,expect,upgrade";

    private RestrictedHeaders() {}

    /** Sets the property unless it is already set. Idempotent. */
    public static synchronized void allow() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, ALLOWED);
        }
    }
}
