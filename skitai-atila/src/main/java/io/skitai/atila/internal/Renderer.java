package io.skitai.atila.internal;

import io.skitai.atila.Response;
import io.skitai.atila.Streamed;
import io.skitai.core.Exchange;
import io.skitai.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * Sends a route's return value: {@code String} as HTML, {@code byte[]} as bytes, an
 * {@code InputStream}, {@link Path} or {@link Streamed} streamed (see {@link Streams}), {@code null} as
 * 204, a {@link Response} with its status and headers, a {@link CompletionStage} once it completes
 * (a route's own stage and a {@code Response} body stage are awaited without blocking by
 * {@link AtilaHandler} through {@code Exchange.async}; a stage nested deeper is waited for), anything
 * else as JSON.
 */
public final class Renderer {

    private static final byte[] EMPTY = new byte[0];

    private Renderer() {}

    /** Renders {@code result} unless the route already sent a response itself. */
    public static void render(Exchange exchange, Object result) throws Exception {
        Object value = await(result);
        if (exchange.isResponseStarted()) {
            return;
        }
        if (value instanceof Response r) {
            exchange.status(r.status());
            r.headers().forEach(exchange::header);
            if (r.body() == null) {
                exchange.send(EMPTY);
            } else {
                body(exchange, await(r.body()));
            }
        } else if (value == null) {
            exchange.status(204).send(EMPTY);
        } else {
            body(exchange, value);
        }
    }

    private static void body(Exchange exchange, Object value) throws IOException {
        boolean typed = exchange.responseHeader("Content-Type").isPresent();
        if (value instanceof InputStream in) {
            Streams.input(exchange, in, typed);
        } else if (value instanceof Path file) {
            Streams.file(exchange, file, typed);
        } else if (value instanceof Streamed streamed) {
            Streams.streamed(exchange, streamed, typed);
        } else if (value instanceof byte[] bytes) {
            if (!typed) {
                exchange.contentType("application/octet-stream");
            }
            exchange.send(bytes);
        } else if (value instanceof CharSequence text) {
            if (!typed) {
                exchange.contentType("text/html; charset=utf-8");
            }
            exchange.send(text.toString().getBytes(StandardCharsets.UTF_8));
        } else {
            if (!typed) {
                exchange.contentType("application/json");
            }
            exchange.send(Json.bytes(value));
        }
    }

    /** The value of a completed stage, or its failure (unwrapped) thrown. */
    static Object outcome(CompletionStage<?> stage) throws Exception {
        return await1(stage);
    }

    private static Object await(Object value) throws Exception {
        while (value instanceof CompletionStage<?> stage) {
            value = await1(stage);
        }
        return value;
    }

    private static Object await1(CompletionStage<?> stage) throws Exception {
        try {
            return stage.toCompletableFuture().get();
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
