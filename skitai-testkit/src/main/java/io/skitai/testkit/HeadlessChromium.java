package io.skitai.testkit;

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
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real browser for page tests: headless Chromium (Debian's package, {@value #CHROMIUM_PATH}),
 * driven over the Chrome DevTools Protocol with the JDK's websocket client. Open pages, evaluate
 * script in them, type text, wait for what they show, take screenshots. A test skips itself where
 * the browser is not installed:
 *
 * <pre>{@code
 * assumeTrue(HeadlessChromium.available(), HeadlessChromium.unavailableReason());
 * try (HeadlessChromium chromium = HeadlessChromium.launch()) {
 *     HeadlessChromium.Page page = chromium.open(cli.baseUrl() + "/");
 *     page.awaitText("document.getElementById('state').textContent", "connected", Duration.ofSeconds(30));
 *     page.screenshot(Path.of("target", "page.png"));
 * }
 * }</pre>
 *
 * <p>Each browser runs with a fresh temporary profile (removed on {@link #close()}), a 1280×1024
 * window, no sandbox (containers have none to give), and no background traffic.
 */
public final class HeadlessChromium implements AutoCloseable {

    /** Where Debian installs Chromium. */
    public static final String CHROMIUM_PATH = "/usr/bin/chromium";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final Process browser;
    private final Path profile;
    private final HttpClient http = HttpClient.newHttpClient();
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();

    private HeadlessChromium(Process browser, Path profile, String endpoint) {
        this.browser = browser;
        this.profile = profile;
        this.socket = http.newWebSocketBuilder().buildAsync(URI.create(endpoint), new Listener()).join();
    }

    /** Whether Chromium is installed where Debian puts it. */
    public static boolean available() {
        return Files.isExecutable(Path.of(CHROMIUM_PATH));
    }

    /** Why a browser test is skipped when {@link #available()} is false. */
    public static String unavailableReason() {
        return "chromium is not installed at " + CHROMIUM_PATH + " (apt-get install chromium; .ci/run installs it)";
    }

    /**
     * Starts a headless Chromium and connects to it.
     *
     * @throws IOException when it cannot start or never opens its DevTools endpoint
     */
    public static HeadlessChromium launch() throws IOException {
        Path profile = Files.createTempDirectory("skitai-chromium");
        Process browser = new ProcessBuilder(CHROMIUM_PATH, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1024", "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank")
                .redirectErrorStream(true).start();
        String endpoint = null;
        BufferedReader out = new BufferedReader(new InputStreamReader(browser.getInputStream(), StandardCharsets.UTF_8));
        for (String line; endpoint == null && (line = out.readLine()) != null; ) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                endpoint = m.group(1);
            }
        }
        if (endpoint == null) {
            stop(browser, profile);
            throw new IOException("chromium did not start its DevTools endpoint");
        }
        Thread.ofVirtual().start(() -> out.lines().forEach(l -> { })); // keep its output drained
        try {
            return new HeadlessChromium(browser, profile, endpoint);
        } catch (RuntimeException e) {
            stop(browser, profile);
            throw new IOException("cannot connect to chromium's DevTools endpoint " + endpoint, e);
        }
    }

    /** Opens {@code url} in a new page (tab). */
    public Page open(String url) {
        String target = call(null, "Target.createTarget", Map.of("url", url)).get("targetId").asText();
        return new Page(call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true)).get("sessionId").asText());
    }

    /** One open page. */
    public final class Page {

        private final String session;

        private Page(String session) {
            this.session = session;
        }

        /**
         * Evaluates {@code script} in the page; its value as text ({@code ""} when it has none or
         * throws, e.g. before the page has loaded what it reads).
         */
        public String eval(String script) {
            JsonNode r = call(session, "Runtime.evaluate", Map.of("expression", script, "returnByValue", true));
            return r.path("result").path("value").asText();
        }

        /** Types {@code text} into the focused element, as a keyboard would insert it. */
        public void type(String text) {
            call(session, "Input.insertText", Map.of("text", text));
        }

        /**
         * Evaluates {@code script} until its text passes {@code test} (pages work asynchronously);
         * returns that text.
         *
         * @throws AssertionError naming {@code what} when {@code timeout} passes first
         */
        public String await(String script, Predicate<String> test, String what, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            String value = eval(script);
            while (!test.test(value)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the page never showed " + what + " within " + timeout.toSeconds()
                            + " s; last value of " + script + ": '" + value + "'");
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for " + what, e);
                }
                value = eval(script);
            }
            return value;
        }

        /** {@link #await} until the text contains {@code expected}. */
        public String awaitText(String script, String expected, Duration timeout) {
            return await(script, v -> v.contains(expected), "'" + expected + "'", timeout);
        }

        /** A PNG of the page's viewport. */
        public byte[] screenshot() {
            return Base64.getDecoder().decode(call(session, "Page.captureScreenshot", Map.of("format", "png")).get("data").asText());
        }

        /** Saves {@link #screenshot()} to {@code file} (its directories made); returns {@code file}. */
        public Path screenshot(Path file) throws IOException {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.write(file, screenshot());
        }

        @Override
        public String toString() {
            return "Page(" + session + ")";
        }
    }

    private JsonNode call(String session, String method, Map<String, Object> params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        waiting.put(id, answer);
        Map<String, Object> message = session == null ? Map.of("id", id, "method", method, "params", params)
                : Map.of("id", id, "method", method, "params", params, "sessionId", session);
        try {
            socket.sendText(JSON.writeValueAsString(message), true).join();
            JsonNode reply = answer.orTimeout(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
            if (reply.has("error")) {
                throw new IllegalStateException(method + ": " + reply.get("error"));
            }
            return reply.get("result");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            waiting.remove(id);
        }
    }

    /** Hands each CDP reply to the call waiting for its id; events are ignored. */
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

    /** Stops the browser and removes its profile. */
    @Override
    public void close() {
        socket.abort();
        stop(browser, profile);
    }

    /** Stops the browser, then any of its helper processes still running, and removes the profile. */
    private static void stop(Process browser, Path profile) {
        java.util.List<ProcessHandle> helpers = browser.descendants().toList();
        browser.destroy();
        try {
            if (!browser.waitFor(10, TimeUnit.SECONDS)) {
                browser.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            helpers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (IOException | InterruptedException ignored) {
            // a leftover temp profile is harmless
        }
    }

    @Override
    public String toString() {
        return "HeadlessChromium(pid " + browser.pid() + ")";
    }
}
