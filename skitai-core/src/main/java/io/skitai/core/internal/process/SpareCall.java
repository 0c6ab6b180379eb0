package io.skitai.core.internal.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * How a spare worker learns its fate: its master writes {@code serve <i>\n} on the spare's stdin
 * to call it in as worker #i, or closes the pipe to dismiss it; TERM and INT dismiss it too. The
 * line is read byte by byte, so nothing after it is taken from stdin (the worker goes on watching
 * the pipe for its end).
 */
final class SpareCall {

    /** The line prefix of a call. */
    static final String SERVE = "serve ";

    private SpareCall() {}

    /** Blocks until the spare is called in (the worker number) or dismissed (-1). */
    static int await() {
        CompletableFuture<Integer> fate = new CompletableFuture<>();
        Signals.handle("TERM", () -> fate.complete(-1));
        Signals.handle("INT", () -> fate.complete(-1));
        Thread.ofPlatform().daemon().name("skitai-spare-wait").start(() -> fate.complete(readCall(System.in)));
        return fate.join();
    }

    /** The worker number of the first line of {@code in}, or -1 at its end or for another line. */
    static int readCall(InputStream in) {
        StringBuilder line = new StringBuilder();
        try {
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (b == '\n') {
                    String s = line.toString();
                    return s.startsWith(SERVE) ? Integer.parseInt(s.substring(SERVE.length()).strip()) : -1;
                }
                line.append((char) b);
            }
        } catch (IOException | NumberFormatException e) {
            // A broken pipe or a garbled line: the master is gone or confused; do not serve.
        }
        return -1;
    }

    /** The line that calls a spare in as worker {@code index}. */
    static byte[] line(int index) {
        return (SERVE + index + "\n").getBytes(StandardCharsets.US_ASCII);
    }
}
