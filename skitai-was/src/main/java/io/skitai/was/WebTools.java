package io.skitai.was;

import io.skitai.core.Exchange;
import io.skitai.was.internal.Messages;
import java.util.Map;

/**
 * The web helpers of {@link Was} (Python's {@code was.session}, {@code was.mbox},
 * {@code was.csrf_*}, {@code was.mkjwt}/{@code dejwt}, {@code was.mktoken}/{@code detoken}/{@code rmtoken},
 * {@code was.uniqid}, {@code was.gentemp}, {@code was.apps}, {@code get_real_ip}, {@code was.log}
 * and {@code was.traceback}), apart from the upstream calls and the request context.
 */
public abstract sealed class WebTools extends UpstreamCalls permits Was {

    private static final System.Logger APP_LOG = System.getLogger("io.skitai.was.app");

    WebTools() {}

    /** The request being served. */
    public abstract Exchange request();

    /** The request's global transaction id. */
    public abstract String gtxid();

    /** The request's local transaction id. */
    public abstract String ltxid();

    abstract io.skitai.core.ServerContext serverContext();

    /** The request's and the response's cookies (Python's {@code was.cookie}). */
    public Cookies cookie() {
        return new Cookies(request());
    }

    /** The user's session (Python's {@code was.session}); see {@link Session} and {@link SessionConfig}. */
    public Session session() {
        return SessionStore.open(request(), "");
    }

    /** A named session: kept apart from the default one, in its own cookie. */
    public Session session(String name) {
        if (name == null || !name.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("a session name is letters, digits, '_' and '-', not " + name);
        }
        return SessionStore.open(request(), name);
    }

    /** Flash messages kept in the session until read (Python's {@code was.mbox}). */
    public Mbox mbox() {
        return new Mbox(session());
    }

    /** The session's CSRF token (Python's {@code was.csrf_token}); see {@link Csrf}. */
    public String csrfToken() {
        return Csrf.token(session());
    }

    /** A hidden form field with the CSRF token (Python's {@code was.csrf_token_input}). */
    public String csrfTokenInput() {
        return Csrf.input(session());
    }

    /** Whether the request brought the session's CSRF token back (Python's {@code was.csrf_verify}); it is used up. */
    public boolean csrfVerify() {
        return Csrf.verify(request(), session());
    }

    /**
     * A JWT (HS256, the first session secret) with {@code claims}, {@code iat} now and {@code exp} after
     * {@code lifetime} (Python's {@code was.mkjwt}); needs {@code com.auth0:java-jwt}.
     */
    public String mkjwt(Map<String, ?> claims, java.time.Duration lifetime) {
        requireJwt();
        return Tokens.mkjwt(SessionStore.config(request()), claims, lifetime);
    }

    /** The claims of a JWT {@link #mkjwt} made, or empty for any other token (Python's {@code was.dejwt}). */
    public java.util.Optional<Map<String, Object>> dejwt(String token) {
        requireJwt();
        return Tokens.dejwt(SessionStore.config(request()), token);
    }

    private static void requireJwt() {
        try {
            Class.forName("com.auth0.jwt.JWT", false, Was.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(Messages.jwtMissing(), e);
        }
    }

    /** An opaque token for {@code claims}, kept in the shared values for {@code lifetime} (Python's {@code mktoken}). */
    public String mktoken(Map<String, ?> claims, java.time.Duration lifetime) {
        return Tokens.mktoken(serverContext().sharedState(), claims, lifetime);
    }

    /** The claims of a token {@link #mktoken} made, unless it expired or was removed (in any worker). */
    public java.util.Optional<Map<String, Object>> detoken(String token) {
        return Tokens.detoken(serverContext().sharedState(), token);
    }

    /** Revokes a token {@link #mktoken} made, in every worker; whether it existed. */
    public boolean rmtoken(String token) {
        return Tokens.rmtoken(serverContext().sharedState(), token);
    }

    /** A unique id: 128 random bits, URL-safe (Python's {@code was.uniqid}). */
    public String uniqid() {
        return SessionCodec.newId();
    }

    /** A new temporary file, deleted when the request completes (Python's {@code was.gentemp}). */
    public java.nio.file.Path gentemp() throws java.io.IOException {
        java.nio.file.Path temp = java.nio.file.Files.createTempFile("skitai-", ".tmp");
        request().onComplete(() -> {
            try {
                java.nio.file.Files.deleteIfExists(temp);
            } catch (java.io.IOException e) {
                temp.toFile().deleteOnExit();
            }
        });
        return temp;
    }

    /** The apps mounted on this server, to link to their routes (Python's {@code was.apps}). */
    public Apps apps() {
        return Apps.of(serverContext());
    }

    /**
     * The client's address (Python's {@code was.request.get_real_ip()}): the peer's, or what trusted
     * proxies forwarded for ({@code Skitai.setTrustedProxies}); see {@link io.skitai.core.TrustedProxies}.
     */
    public String realIp() {
        java.net.InetAddress a = serverContext().setting(io.skitai.core.TrustedProxies.SETTING).clientOf(request());
        return a == null ? "" : a.getHostAddress();
    }

    /** Whether {@link #realIp()} is a private address (loopback, private networks, link-local). */
    public boolean isPrivateIp() {
        return io.skitai.core.TrustedProxies.isPrivate(serverContext().setting(io.skitai.core.TrustedProxies.SETTING).clientOf(request()));
    }

    /** Writes {@code message} to the app log ({@code io.skitai.was.app}) with this request's transaction ids. */
    public void log(String message) {
        APP_LOG.log(System.Logger.Level.INFO, "[" + gtxid() + " " + ltxid() + "] " + message);
    }

    /** Writes {@code failure} and its stack trace to the app log with the transaction ids (Python's {@code was.traceback}). */
    public void traceback(Throwable failure) {
        APP_LOG.log(System.Logger.Level.ERROR, "[" + gtxid() + " " + ltxid() + "] " + failure, failure);
    }

}
