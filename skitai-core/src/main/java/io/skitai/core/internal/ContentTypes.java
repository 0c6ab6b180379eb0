package io.skitai.core.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Content-Type of a static file by its name's extension, from a built-in table of the common web
 * types. Text types carry {@code ; charset=utf-8}; anything unknown is
 * {@code application/octet-stream} (sent with {@code X-Content-Type-Options: nosniff}, so a
 * browser will not guess it into HTML).
 */
public final class ContentTypes {

    static final String DEFAULT = "application/octet-stream";

    private static final String UTF8 = "; charset=utf-8";
    private static final Map<String, String> BY_EXTENSION = new HashMap<>();

    static {
        text("text/html", "html", "htm");
        text("text/css", "css");
        text("text/javascript", "js", "mjs", "cjs");
        text("text/plain", "txt", "text", "log", "conf", "ini");
        text("text/csv", "csv");
        text("text/markdown", "md", "markdown");
        text("text/calendar", "ics");
        text("text/vtt", "vtt");
        text("text/yaml", "yaml", "yml");
        text("application/json", "json", "map");
        text("application/ld+json", "jsonld");
        text("application/manifest+json", "webmanifest");
        text("application/xml", "xml", "xsl", "xsd");
        text("application/rss+xml", "rss");
        text("application/atom+xml", "atom");
        text("application/xhtml+xml", "xhtml");
        text("image/svg+xml", "svg");
        binary("image/png", "png");
        binary("image/jpeg", "jpg", "jpeg", "jpe");
        binary("image/gif", "gif");
        binary("image/webp", "webp");
        binary("image/avif", "avif");
        binary("image/apng", "apng");
        binary("image/bmp", "bmp");
        binary("image/tiff", "tif", "tiff");
        binary("image/x-icon", "ico");
        binary("font/woff", "woff");
        binary("font/woff2", "woff2");
        binary("font/ttf", "ttf");
        binary("font/otf", "otf");
        binary("application/vnd.ms-fontobject", "eot");
        binary("audio/mpeg", "mp3");
        binary("audio/ogg", "ogg", "oga");
        binary("audio/opus", "opus");
        binary("audio/wav", "wav");
        binary("audio/flac", "flac");
        binary("audio/aac", "aac");
        binary("audio/mp4", "m4a");
        binary("video/mp4", "mp4", "m4v");
        binary("video/webm", "webm");
        binary("video/ogg", "ogv");
        binary("video/quicktime", "mov");
        binary("application/pdf", "pdf");
        binary("application/zip", "zip");
        binary("application/gzip", "gz", "tgz");
        binary("application/x-tar", "tar");
        binary("application/x-7z-compressed", "7z");
        binary("application/wasm", "wasm");
        binary("application/epub+zip", "epub");
        binary("application/java-archive", "jar");
    }

    private ContentTypes() {}

    private static void text(String type, String... extensions) {
        for (String e : extensions) {
            BY_EXTENSION.put(e, type + UTF8);
        }
    }

    private static void binary(String type, String... extensions) {
        for (String e : extensions) {
            BY_EXTENSION.put(e, type);
        }
    }

    /** The Content-Type for a file name (the last path segment). */
    public static String of(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return DEFAULT;
        }
        return BY_EXTENSION.getOrDefault(fileName.substring(dot + 1).toLowerCase(Locale.ROOT), DEFAULT);
    }
}
