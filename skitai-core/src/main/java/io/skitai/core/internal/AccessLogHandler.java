package io.skitai.core.internal;

import io.undertow.server.ExchangeCompletionListener;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.ResponseCommitListener;
import io.undertow.server.ServerConnection;
import io.undertow.util.AttachmentKey;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts open connections and, for paths that are logged, times the request: handling lasts from
 * the request's arrival until the response headers are committed, transfer from then until the
 * exchange completes. The line is written when the exchange completes.
 */
final class AccessLogHandler implements HttpHandler {

    /** Per connection: counted once, and its peer address formatted once. */
    private static final AttachmentKey<String> CLIENT_IP = AttachmentKey.create(String.class);

    private final AccessLog log;
    private final AtomicInteger connections;
    private final HttpHandler next;

    AccessLogHandler(AccessLog log, AtomicInteger connections, HttpHandler next) {
        this.log = log;
        this.connections = connections;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        ServerConnection connection = exchange.getConnection();
        String clientIp = connection.getAttachment(CLIENT_IP);
        if (clientIp == null) {
            clientIp = AccessLog.clientIp(exchange.getSourceAddress());
            connection.putAttachment(CLIENT_IP, clientIp);
            connections.incrementAndGet();
            connection.addCloseListener(c -> connections.decrementAndGet());
        }
        if (log.logs(exchange.getRequestPath())) {
            Timing timing = new Timing(clientIp, System.nanoTime());
            exchange.addResponseCommitListener(timing);
            exchange.addExchangeCompleteListener(timing);
        }
        next.handleRequest(exchange);
    }

    /** One request's clock: started, committed, completed; writes the log line at completion. */
    private final class Timing implements ResponseCommitListener, ExchangeCompletionListener {

        private final String clientIp;
        private final long start;
        private long committed;

        Timing(String clientIp, long start) {
            this.clientIp = clientIp;
            this.start = start;
        }

        @Override
        public void beforeCommit(HttpServerExchange exchange) {
            committed = System.nanoTime();
        }

        @Override
        public void exchangeEvent(HttpServerExchange exchange, NextListener nextListener) {
            long end = System.nanoTime();
            try {
                log.write(exchange, clientIp, start, committed == 0 ? end : committed, end);
            } finally {
                nextListener.proceed();
            }
        }
    }

    @Override
    public String toString() {
        return "AccessLog -> " + next;
    }
}
