package io.skitai.testkit;

import io.skitai.testkit.internal.UrlEncoding;
import java.util.Map;

/**
 * A REST path built one segment at a time, then called; the Java form of the Python client's
 * {@code cli.api().apis.pets(45).get()}:
 *
 * <pre>{@code
 * TestResponse r = cli.api().path("apis").path("pets", 45).get();   // GET /apis/pets/45
 * Map<String, Object> pet = r.data();
 * }</pre>
 *
 * <p>Each segment is percent-encoded ({@code "a b/c"} becomes {@code a%20b%2Fc}). Stubs are
 * immutable: {@link #path(Object...)} returns a new one, so a stub can be kept and extended.
 */
public final class ApiStub {

    private final TestClient client;
    private final String path;

    ApiStub(TestClient client, String path) {
        this.client = client;
        this.path = path;
    }

    /** A stub one or more segments further down: {@code path("pets", 45)} appends {@code /pets/45}. */
    public ApiStub path(Object... segments) {
        StringBuilder p = new StringBuilder(path);
        for (Object s : segments) {
            p.append('/').append(UrlEncoding.segment(s));
        }
        return new ApiStub(client, p.toString());
    }

    /** The encoded path so far ({@code "/"} at the root). */
    public String url() {
        return path.isEmpty() ? "/" : path;
    }

    /** GET this path. */
    public TestResponse get() {
        return client.get(url());
    }

    /** GET this path with query parameters. */
    public TestResponse get(Map<String, ?> query) {
        return client.get(url(), query);
    }

    /** POST a value as JSON to this path. */
    public TestResponse post(Object json) {
        return client.post(url(), json);
    }

    /** PUT a value as JSON to this path. */
    public TestResponse put(Object json) {
        return client.put(url(), json);
    }

    /** PATCH a value as JSON to this path. */
    public TestResponse patch(Object json) {
        return client.patch(url(), json);
    }

    /** DELETE this path. */
    public TestResponse delete() {
        return client.delete(url());
    }

    /** A request to this path, for headers or another body: {@code stub.request("POST").form(m).send()}. */
    public TestRequest request(String method) {
        return client.request(method, url());
    }

    @Override
    public String toString() {
        return "ApiStub[" + url() + "]";
    }
}
