package io.skitai.atila.internal;

import io.skitai.core.Exchange;
import io.skitai.core.HttpError;
import io.skitai.core.Json;
import io.skitai.core.StatusText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The 500 page of debug mode: the usual problem JSON or HTML page plus the exception's stack trace. */
final class DebugPage {

    private DebugPage() {}

    static void send(Exchange exchange, HttpError error, Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        int status = error.status();
        String title = StatusText.of(status);
        exchange.status(status);
        if (exchange.acceptsJson()) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", title);
            problem.put("status", status);
            problem.put("detail", error.getMessage());
            problem.put("traceback", trace.toString());
            exchange.contentType("application/problem+json").send(Json.bytes(problem));
            return;
        }
        String html = "<!DOCTYPE html><html><head><title>" + status + " " + escape(title) + "</title></head><body><h1>"
                + status + " " + escape(title) + "</h1><p>" + escape(error.getMessage()) + "</p><h2>Traceback (debug mode)</h2><pre>"
                + escape(trace.toString()) + "</pre></body></html>\n";
        exchange.contentType("text/html; charset=utf-8").send(html.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
