package io.skitai.core.internal.process;

import io.skitai.core.Json;
import io.skitai.core.ServerStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/** Renders a {@link ServerStatus} as HTML (escaped; sections shown as JSON). */
public final class StatusPage {

    private StatusPage() {}

    public static String render(ServerStatus s) {
        StringBuilder b = new StringBuilder(1024);
        b.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                .append(esc(s.name())).append(" status</title></head><body>\n<h1>")
                .append(esc(s.name())).append(" status</h1>\n<p>mode ").append(esc(s.mode()))
                .append(s.masterPid() == 0 ? "" : ", master pid " + s.masterPid())
                .append(", started ").append(Instant.ofEpochMilli(s.startedAt()))
                .append(", up ").append(s.uptimeSeconds()).append(" s, ")
                .append(s.requests()).append(" requests served, ")
                .append(s.connections()).append(" connections open</p>\n")
                .append("<table border=\"1\"><tr><th>worker</th><th>pid</th><th>state</th><th>up (s)</th>"
                        + "<th>requests</th><th>connections</th></tr>\n");
        for (ServerStatus.Worker w : s.workers()) {
            b.append("<tr><td>#").append(w.index()).append(w.self() ? " (this one)" : "").append("</td><td>")
                    .append(w.pid()).append("</td><td>").append(esc(w.state())).append("</td><td>")
                    .append(w.uptimeSeconds()).append("</td><td>").append(w.requests()).append("</td><td>")
                    .append(w.connections()).append("</td></tr>\n");
        }
        b.append("</table>\n");
        for (Map.Entry<String, Object> e : s.sections().entrySet()) {
            b.append("<h2>").append(esc(e.getKey())).append("</h2>\n<pre>")
                    .append(esc(new String(Json.bytes(e.getValue()), StandardCharsets.UTF_8))).append("</pre>\n");
        }
        return b.append("</body></html>\n").toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
