package io.skitai.core.internal;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.channels.StreamSinkChannel;

/**
 * Sends a region of a file as the response body with zero-copy {@code transferFrom} (sendfile on
 * plain HTTP/1.1; Undertow copies through buffers where it must, as under TLS). Every transfer
 * runs on Undertow's worker threads, never the IO thread: when the socket is full the IO thread
 * only wakes the transfer up again. The file is closed when the exchange completes, including when
 * the client goes away or the transfer fails.
 */
final class FileTransfer implements Runnable, ChannelListener<StreamSinkChannel> {

    private static final System.Logger LOG = System.getLogger("io.skitai.core");

    private static final HttpString[] FILE_HEADERS = {Headers.ETAG, Headers.LAST_MODIFIED, Headers.CACHE_CONTROL,
        Headers.EXPIRES, Headers.ACCEPT_RANGES, Headers.CONTENT_RANGE, Headers.CONTENT_LENGTH};

    private final HttpServerExchange exchange;
    private final FileChannel file;
    private final StreamSinkChannel sink;
    private long position;
    private final long end;

    private FileTransfer(HttpServerExchange exchange, FileChannel file, StreamSinkChannel sink, long first, long length) {
        this.exchange = exchange;
        this.file = file;
        this.sink = sink;
        this.position = first;
        this.end = first + length;
    }

    /**
     * Opens {@code path} and sends bytes {@code [first, first + length)}; the status and headers
     * other than Content-Length are already set. Call off the IO thread. If the file is gone or
     * shorter than promised, nothing has been sent yet and the answer is 503 (retry: the cached
     * description of the file is being refreshed).
     */
    static void send(HttpServerExchange exchange, Path path, long first, long length) {
        FileChannel file;
        try {
            file = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
            if (file.size() < first + length) {
                file.close();
                changed(exchange);
                return;
            }
        } catch (IOException e) {
            changed(exchange);
            return;
        }
        exchange.addExchangeCompleteListener((ex, next) -> {
            IoUtils.safeClose(file);
            next.proceed();
        });
        exchange.setResponseContentLength(length);
        StreamSinkChannel sink = exchange.getResponseChannel();
        new FileTransfer(exchange, file, sink, first, length).run();
    }

    private static void changed(HttpServerExchange exchange) {
        HeaderMap headers = exchange.getResponseHeaders();
        for (HttpString h : FILE_HEADERS) {
            headers.remove(h);
        }
        exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
        ErrorResponses.send(exchange, 503, "the file changed before it could be sent; try again", false);
    }

    @Override
    public void run() {
        try {
            while (position < end) {
                // Undertow reads through the channel's own position while the headers are pending
                file.position(position);
                long n = sink.transferFrom(file, position, end - position);
                if (n > 0) {
                    position += n;
                    continue;
                }
                if (file.size() < end) {
                    throw new IOException("file " + file + " shrank while it was being sent");
                }
                sink.getWriteSetter().set(this);
                sink.resumeWrites();
                return;
            }
            IoUtils.safeClose(file);
            exchange.endExchange();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "file transfer aborted: {0}", e.toString());
            IoUtils.safeClose(file);
            exchange.setPersistent(false);
            IoUtils.safeClose(exchange.getConnection());
        }
    }

    /** The socket can take more: continue on a worker thread. */
    @Override
    public void handleEvent(StreamSinkChannel channel) {
        channel.suspendWrites();
        channel.getWriteSetter().set(null);
        exchange.dispatch(this);
    }
}
