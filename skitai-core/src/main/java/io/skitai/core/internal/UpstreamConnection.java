package io.skitai.core.internal;

import io.undertow.client.ClientConnection;
import java.io.IOException;
import java.util.function.UnaryOperator;
import org.xnio.IoUtils;
import org.xnio.XnioIoThread;

/**
 * One pooled connection of an {@link UpstreamPool}: Undertow's client connection, the IO thread it
 * lives on (everything it does runs there), whether it multiplexes (HTTP/2), and the pool's
 * book-keeping, which only the pool's lock guards.
 */
final class UpstreamConnection {

    private final ClientConnection connection;
    private final XnioIoThread ioThread;
    private final boolean multiplexed;
    private final UnaryOperator<IOException> explainer;
    /** Requests running on it now (pool lock). */
    int streams;
    /** When it last became idle, in nanos (pool lock). */
    long idleSince;
    /** Requests it has carried (pool lock): a request on a used connection may meet a close the upstream sent meanwhile. */
    int served;
    /** Already taken off the pool's count (pool lock). */
    boolean forgotten;

    UpstreamConnection(ClientConnection connection, UnaryOperator<IOException> explainer) {
        this.connection = connection;
        this.explainer = explainer;
        this.ioThread = connection.getIoThread();
        this.multiplexed = connection.isMultiplexingSupported();
    }

    /** The IO thread the connection runs on. */
    XnioIoThread ioThread() {
        return ioThread;
    }

    ClientConnection client() {
        return connection;
    }

    boolean multiplexed() {
        return multiplexed;
    }

    /** {@code failure} with the reason the connection knows, such as the TLS handshake's refusal of the certificate. */
    IOException explain(IOException failure) {
        return explainer.apply(failure);
    }

    boolean isOpen() {
        return connection.isOpen();
    }

    /** Runs {@code task} on the connection's IO thread: at once when already there (or when the worker has stopped). */
    void run(Runnable task) {
        if (Thread.currentThread() == ioThread) {
            task.run();
        } else {
            try {
                ioThread.execute(task);
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                // The worker has stopped: nothing else runs on the connection any more.
                IoUtils.safeClose(connection);
                task.run();
            }
        }
    }

    /**
     * Closes it on its IO thread: HTTP/2 with a GOAWAY; HTTP/1.1 at once (Undertow's own close
     * would half-close and wait up to 10 s for the upstream, which an abandoned request's upstream
     * may not do), taking the socket back through {@code performUpgrade}.
     */
    void close() {
        run(() -> {
            if (multiplexed) {
                IoUtils.safeClose(connection);
                return;
            }
            try {
                IoUtils.safeClose(connection.performUpgrade());
            } catch (IOException | RuntimeException alreadyClosed) {
                IoUtils.safeClose(connection);
            }
        });
    }
}
