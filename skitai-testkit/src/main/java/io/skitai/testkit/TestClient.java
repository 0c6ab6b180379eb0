package io.skitai.testkit;

import io.skitai.testkit.internal.RestrictedHeaders;
import io.skitai.testkit.internal.TrustAll;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP client bound to one server, for tests: {@code cli.get("/")}, {@code cli.post("/items", item)},
 * {@code cli.request("PUT", "/x").header("Host", "www.site2.com").json(obj).send()}.
 *
 * <p>Built on {@link java.net.http.HttpClient}: HTTP/1.1 unless {@link #http2()}, redirects are never
 * followed, every request times out (30 s unless {@link TestRequest#timeout(Duration) set}). Tests may
 * set the {@code Host}, {@code Connection}, {@code Content-Length}, {@code Expect} and {@code Upgrade}
 * headers (the class sets the JDK property {@code jdk.httpclient.allowRestrictedHeaders} before any
 * JDK client exists, unless the property is already set). For {@code https} base URLs the client
 * accepts any certificate, as test servers use self-signed ones.
 *
 * <p>A client is thread-safe. Close it (or let {@code @SkitaiTest}/{@link TestKit} close it) to
 * release its threads.
 */
public final class TestClient implements AutoCloseable {

    static {
        RestrictedHeaders.allow();
    }

    /** How long a request may take when it sets no timeout of its own. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final URI base;
    private final HttpClient.Version version;
    private final HttpClient http;
    private TestClient http2;

    private TestClient(URI base, HttpClient.Version version) {
        this.base = base;
        this.version = version;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(version)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(CONNECT_TIMEOUT);
        if ("https".equals(base.getScheme())) {
            builder.sslContext(TrustAll.context());
        }
        this.http = builder.build();
    }

    /**
     * A client for a base URL such as {@code http://127.0.0.1:5000}; a path in it
     * ({@code http://127.0.0.1:5000/api}) is put before every request path.
     *
     * @throws IllegalArgumentException when the URL is not an absolute http(s) URL with a host
     */
    public static TestClient of(String baseUrl) {
        URI uri;
        try {
            uri = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: '" + baseUrl + "'", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("a TestClient needs an http(s) base URL with a host, such as"
                    + " http://127.0.0.1:5000; got '" + baseUrl + "'");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("a base URL has no query or fragment: '" + baseUrl + "'");
        }
        return new TestClient(uri, HttpClient.Version.HTTP_1_1);
    }

    /** A client for {@code http://host:port}. */
    public static TestClient of(String host, int port) {
        return of("http://" + host + ":" + port);
    }

    // ---- where it points -----------------------------------------------------------------

    /** The base URL without a trailing slash, e.g. {@code http://127.0.0.1:5000}. */
    public String baseUrl() {
        String s = base.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** The server's host. */
    public String host() {
        return base.getHost();
    }

    /** The server's port (the scheme's default when the URL names none). */
    public int port() {
        if (base.getPort() >= 0) {
            return base.getPort();
        }
        return "https".equals(base.getScheme()) ? 443 : 80;
    }

    /** {@code HTTP/1.1} or {@code HTTP/2}: what this client asks for. */
    public String version() {
        return version == HttpClient.Version.HTTP_2 ? "HTTP/2" : "HTTP/1.1";
    }

    /**
     * The same server over HTTP/2: h2c upgrade for {@code http}, ALPN for {@code https}. The server
     * may still answer in HTTP/1.1; {@link TestResponse#version()} tells. Created once, closed with this
     * client.
     */
    public TestClient http2() {
        if (version == HttpClient.Version.HTTP_2) {
            return this;
        }
        synchronized (this) {
            if (http2 == null) {
                http2 = new TestClient(base, HttpClient.Version.HTTP_2);
            }
            return http2;
        }
    }

    /**
     * The absolute URI of a request path: {@code "/x?a=1"} is put after the base URL as given (it
     * must already be encoded); an absolute {@code http(s)://} URL is taken as it is.
     */
    public URI uri(String path) {
        String p = path.startsWith("http://") || path.startsWith("https://") ? path
                : baseUrl() + (path.startsWith("/") || path.isEmpty() ? path : "/" + path);
        try {
            return URI.create(p);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a valid request path: '" + path
                    + "' (encode it, or use raw() to send it byte for byte)", e);
        }
    }

    /** The JDK client underneath, for what this class does not cover. */
    public HttpClient httpClient() {
        return http;
    }

    // ---- requests ------------------------------------------------------------------------

    /** A request to build: add headers, a body, a timeout, then {@link TestRequest#send()}. */
    public TestRequest request(String method, String path) {
        return new TestRequest(this, method, path);
    }

    /** GET. */
    public TestResponse get(String path) {
        return request("GET", path).send();
    }

    /** GET with query parameters (encoded here; an {@link Iterable} value repeats the name). */
    public TestResponse get(String path, Map<String, ?> query) {
        return request("GET", path).query(query).send();
    }

    /** HEAD. */
    public TestResponse head(String path) {
        return request("HEAD", path).send();
    }

    /** OPTIONS. */
    public TestResponse options(String path) {
        return request("OPTIONS", path).send();
    }

    /** DELETE. */
    public TestResponse delete(String path) {
        return request("DELETE", path).send();
    }

    /** POST a value as JSON ({@code application/json}, written by Skitai's Jackson mapper). */
    public TestResponse post(String path, Object json) {
        return request("POST", path).json(json).send();
    }

    /** PUT a value as JSON. */
    public TestResponse put(String path, Object json) {
        return request("PUT", path).json(json).send();
    }

    /** PATCH a value as JSON. */
    public TestResponse patch(String path, Object json) {
        return request("PATCH", path).json(json).send();
    }

    /** POST bytes with a content type. */
    public TestResponse post(String path, byte[] body, String contentType) {
        return request("POST", path).body(body, contentType).send();
    }

    /** PUT bytes with a content type. */
    public TestResponse put(String path, byte[] body, String contentType) {
        return request("PUT", path).body(body, contentType).send();
    }

    /** POST a form ({@code application/x-www-form-urlencoded}). */
    public TestResponse postForm(String path, Map<String, ?> fields) {
        return request("POST", path).form(fields).send();
    }

    /**
     * An API stub at the root: {@code cli.api().path("apis").path("pets", 45).get()} is
     * {@code GET /apis/pets/45}.
     */
    public ApiStub api() {
        return new ApiStub(this, "");
    }

    /**
     * A websocket to {@code path} on the same server ({@code ws://}, or {@code wss://} over TLS).
     * Close it when done.
     */
    public TestWebSocket ws(String path) {
        return ws(path, Map.of());
    }

    /** A websocket with extra handshake headers (such as {@code Origin}). */
    public TestWebSocket ws(String path, Map<String, String> headers) {
        URI http = uri(path);
        URI ws = URI.create(("https".equals(http.getScheme()) ? "wss" : "ws") + http.toString().substring(http.getScheme().length()));
        return TestWebSocket.open(http(), ws, headers);
    }

    /** A raw socket to the same server, for protocol-level tests. Close it when done. */
    public RawConnection raw() {
        return "https".equals(base.getScheme()) ? RawConnection.openTls(host(), port())
                : RawConnection.open(host(), port());
    }

    // ---- plumbing ------------------------------------------------------------------------

    HttpClient http() {
        return http;
    }

    HttpClient.Version requestedVersion() {
        return version;
    }

    /** Releases the client's connections and threads (and those of its {@link #http2()} twin). */
    @Override
    public void close() {
        TestClient twin;
        synchronized (this) {
            twin = http2;
            http2 = null;
        }
        if (twin != null) {
            twin.close();
        }
        http.shutdownNow();
    }

    @Override
    public String toString() {
        return "TestClient[" + baseUrl() + ", " + version() + "]";
    }
}
