package io.skitai.core.internal.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The dashboard's page, script and style sheet, read once from skitai-core's jar
 * ({@code io/skitai/core/status/}) when the engine starts; the page with the dashboard's path and the
 * server's name written in (escaped).
 */
final class DashboardAssets {

    /** A file the dashboard serves. */
    record Asset(String contentType, byte[] body) {}

    private static final String DIR = "/io/skitai/core/status/";

    private final Asset page;
    private final Map<String, Asset> files;

    private DashboardAssets(Asset page, Map<String, Asset> files) {
        this.page = page;
        this.files = files;
    }

    /** The assets of a dashboard at {@code path} of the server called {@code name}. */
    static DashboardAssets load(String path, String name) {
        String html = text("dashboard.html").replace("{{base}}", escape(path)).replace("{{name}}", escape(name));
        return new DashboardAssets(new Asset("text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8)), Map.of(
                "dashboard.js", new Asset("text/javascript; charset=utf-8", bytes("dashboard.js")),
                "dashboard.css", new Asset("text/css; charset=utf-8", bytes("dashboard.css"))));
    }

    Asset page() {
        return page;
    }

    /** The file called {@code name}, or {@code null}. */
    Asset file(String name) {
        return files.get(name);
    }

    private static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String name) {
        try (InputStream in = DashboardAssets.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("skitai-core's jar lacks " + DIR + name + " (a broken build?)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DIR + name + " from skitai-core's jar", e);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
