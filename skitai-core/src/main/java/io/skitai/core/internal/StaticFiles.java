package io.skitai.core.internal;

import io.undertow.server.HttpHandler;
import java.nio.file.Path;
import java.util.Map;

/** Serves a static directory mounted at a point; requests it has no file for go to {@code next}. */
final class StaticFiles {

    private StaticFiles() {}

    static HttpHandler create(Path root, String point, Map<String, Long> maxAges, HttpHandler next) {
        throw new UnsupportedOperationException("static files: work in progress");
    }
}
