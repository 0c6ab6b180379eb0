package io.skitai.core.internal;

import io.skitai.core.UpstreamRequest;
import io.skitai.core.UpstreamResponse;
import io.undertow.client.ClientCallback;
import io.undertow.client.ClientExchange;
import io.undertow.client.ClientRequest;
import io.undertow.client.ClientResponse;
import io.undertow.connector.PooledByteBuffer;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.xnio.IoUtils;
import org.xnio.channels.StreamSourceChannel;

/**
 * One upstream request from the pool's grant to the whole answer: sends it on the granted
 * connection (on that connection's IO thread), writes the body, reads the answer up to the size
 * limit, completes the future, and gives the connection back. A request that finds a used
 * connection closed by the upstream before any answer is sent again once on another connection
 * when its method may be repeated.
 */
final class UpstreamExchange extends PoolGrant implements ClientCallback<ClientExchange> {

    private static final Set<String> REPEATABLE = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    private final UpstreamRequest request;
    private final CompletableFuture<UpstreamResponse> future;
    private final UpstreamPool pool;
    private final long maxBytes;
    private ClientExchange exchange;
    private boolean finished;
    private boolean repeated;
    private byte[] body;
    private int size;

    UpstreamExchange(UpstreamRequest request, CompletableFuture<UpstreamResponse> future, UpstreamPool pool,
            long maxBytes) {
        this.request = request;
        this.future = future;
        this.pool = pool;
        this.maxBytes = maxBytes;
    }

    CompletableFuture<UpstreamResponse> future() {
        return future;
    }

    /** Starts on {@code granted}, on its IO thread. */
    @Override
    void start(UpstreamConnection granted) {
        granted.run(() -> {
            try {
                send(granted);
            } catch (RuntimeException e) {
                fail(new IOException(e));
            }
        });
    }

    private void send(UpstreamConnection granted) {
        if (future.isDone()) {
            finished = true;
            pool.release(this, granted, true);
            return;
        }
        exchange = null;
        size = 0;
        ClientRequest r = new ClientRequest().setMethod(HttpString.tryFromString(request.method()))
                .setPath(path());
        HeaderMap headers = r.getRequestHeaders();
        request.headers().forEach((name, value) -> headers.put(HttpString.tryFromString(name), value));
        if (!headers.contains(Headers.HOST)) {
            headers.put(Headers.HOST, authority()); // a caller's own Host (a virtual host at an address) stays
        }
        byte[] content = request.body();
        if (content.length > 0 || WITH_BODY.contains(request.method())) {
            headers.put(Headers.CONTENT_LENGTH, content.length);
        }
        granted.client().sendRequest(r, this);
    }

    @Override
    public void completed(ClientExchange started) {
        exchange = started;
        started.setResponseListener(new ClientCallback<>() {
            @Override
            public void completed(ClientExchange answered) {
                read(answered);
            }

            @Override
            public void failed(IOException e) {
                fail(e);
            }
        });
        if (request.body().length > 0) {
            UpstreamBodyWriter.write(started.getRequestChannel(), request.body(), this::fail);
        }
    }

    @Override
    public void failed(IOException e) {
        fail(e);
    }

    private void read(ClientExchange answered) {
        if (finished) {
            // Abandoned before the answer came (HTTP/2): closing the unread stream resets it.
            IoUtils.safeClose(answered.getResponseChannel());
            return;
        }
        String length = answered.getResponse().getResponseHeaders().getFirst(Headers.CONTENT_LENGTH);
        long declared = HeaderMaps.contentLength(length);
        if (declared > maxBytes) {
            fail(new IOException(Messages.upstreamAnswerTooLarge(request.uri(), maxBytes)));
            return;
        }
        body = new byte[declared > 0 ? (int) declared : 1024];
        StreamSourceChannel channel = answered.getResponseChannel();
        channel.getReadSetter().set(ch -> readMore(answered, ch));
        readMore(answered, channel);
    }

    private void readMore(ClientExchange answered, StreamSourceChannel channel) {
        if (finished) {
            IoUtils.safeClose(channel);
            return;
        }
        try (PooledByteBuffer pooled = answered.getConnection().getBufferPool().allocate()) {
            ByteBuffer buffer = pooled.getBuffer();
            int n;
            while ((n = channel.read(buffer.clear())) > 0) {
                if (size + (long) n > maxBytes) {
                    fail(new IOException(Messages.upstreamAnswerTooLarge(request.uri(), maxBytes)));
                    return;
                }
                if (size + n > body.length) {
                    body = Arrays.copyOf(body, (int) Math.min(maxBytes, Math.max(body.length * 2L, size + n)));
                }
                buffer.flip().get(body, size, n);
                size += n;
            }
            if (n == 0) {
                channel.resumeReads();
                return;
            }
            channel.getReadSetter().set(null);
            IoUtils.safeClose(channel);
            answered(answered.getResponse());
        } catch (IOException e) {
            fail(e);
        }
    }

    private void answered(ClientResponse response) {
        finished = true;
        UpstreamResponse answer = new UpstreamResponse(response.getResponseCode(), response.getProtocol().toString(),
                HeaderMaps.toMap(response.getResponseHeaders()), size == body.length ? body : Arrays.copyOf(body, size));
        pool.release(this, connection, true);
        future.complete(answer);
    }

    /** Ends the request with {@code failure}, on the connection's IO thread (or before any connection). */
    @Override
    void fail(Throwable failure) {
        if (finished) {
            return;
        }
        finished = true;
        UpstreamConnection c = connection;
        if (c == null) {
            future.completeExceptionally(failure);
            return;
        }
        if (failure instanceof IOException io) {
            failure = c.explain(io);
        }
        if (c.multiplexed() && exchange != null) {
            IoUtils.safeClose(exchange.getResponseChannel());
        }
        boolean retry = !repeated && (exchange == null || exchange.getResponse() == null)
                && failure instanceof ClosedChannelException && REPEATABLE.contains(request.method())
                && pool.wasUsed(c);
        pool.release(this, c, c.multiplexed());
        if (retry && !future.isDone()) {
            repeated = true;
            finished = false;
            connection = null;
            pool.acquire(this);
        } else {
            future.completeExceptionally(failure);
        }
    }

    /** Gives up on the request when its caller cancelled it. */
    void abandon() {
        if (!pool.dropWaiting(this)) {
            UpstreamConnection c = connection;
            if (c != null) {
                c.run(() -> fail(new java.util.concurrent.CancellationException("cancelled by the caller")));
            }
        }
    }

    private String path() {
        String path = request.uri().getRawPath();
        String query = request.uri().getRawQuery();
        return (path == null || path.isEmpty() ? "/" : path) + (query == null ? "" : "?" + query);
    }

    private String authority() {
        String host = request.uri().getHost();
        int port = request.uri().getPort();
        return port < 0 ? host : host + ":" + port;
    }

    @Override
    public String toString() {
        return "UpstreamExchange[" + request.method() + " " + request.uri() + "]";
    }
}
