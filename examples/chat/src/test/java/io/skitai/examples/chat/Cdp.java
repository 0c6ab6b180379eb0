package io.skitai.examples.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Chromium (Debian's package) driven over the Chrome DevTools Protocol with the JDK's
 * websocket client: open pages, evaluate script, type text, take screenshots.
 */
final class Cdp implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

    private final Process browser;
    private final Path profile;
    private final HttpClient http = HttpClient.newHttpClient();
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();

    Cdp() throws IOException {
        profile = Files.createTempDirectory("skitai-chromium");
        browser = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank").redirectErrorStream(true).start();
        String endpoint = null;
        BufferedReader out = new BufferedReader(new InputStreamReader(browser.getInputStream(), StandardCharsets.UTF_8));
        for (String line; endpoint == null && (line = out.readLine()) != null; ) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                endpoint = m.group(1);
            }
        }
        if (endpoint == null) {
            close();
            throw new IOException("chromium did not start its DevTools endpoint");
        }
        Thread.ofVirtual().start(() -> out.lines().forEach(l -> { })); // keep its output drained
        socket = http.newWebSocketBuilder().buildAsync(URI.create(endpoint), new Listener()).join();
    }

    /** Opens {@code url} in a new page; returns the page's session id. */
    String open(String url) {
        String target = call(null, "Target.createTarget", Map.of("url", url)).get("targetId").asText();
        return call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true)).get("sessionId").asText();
    }

    /** Evaluates {@code script} in a page; its value as text. */
    String eval(String session, String script) {
        JsonNode r = call(session, "Runtime.evaluate", Map.of("expression", script, "returnByValue", true));
        return r.path("result").path("value").asText();
    }

    /** Types {@code text} into the focused element, as a keyboard would insert it. */
    void type(String session, String text) {
        call(session, "Input.insertText", Map.of("text", text));
    }

    /** A PNG of the page. */
    byte[] screenshot(String session) {
        return java.util.Base64.getDecoder().decode(call(session, "Page.captureScreenshot", Map.of("format", "png"))
                .get("data").asText());
    }

    private JsonNode call(String session, String method, Map<String, Object> params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        waiting.put(id, answer);
        Map<String, Object> message = session == null ? Map.of("id", id, "method", method, "params", params)
                : Map.of("id", id, "method", method, "params", params, "sessionId", session);
        try {
            socket.sendText(JSON.writeValueAsString(message), true).join();
            JsonNode reply = answer.orTimeout(30, TimeUnit.SECONDS).join();
            if (reply.has("error")) {
                throw new IllegalStateException(method + ": " + reply.get("error"));
            }
            return reply.get("result");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode m = JSON.readTree(text.toString());
                    if (m.has("id")) {
                        CompletableFuture<JsonNode> f = waiting.remove(m.get("id").asInt());
                        if (f != null) {
                            f.complete(m);
                        }
                    }
                } catch (IOException ignored) {
                    // not CDP JSON: nothing waits for it
                }
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }

    @Override
    public void close() {
        browser.destroy();
        try {
            if (!browser.waitFor(10, TimeUnit.SECONDS)) {
                browser.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (IOException | InterruptedException ignored) {
            // a leftover temp profile is harmless
        }
    }
}
