package io.skitai.core.internal;

import io.skitai.core.ServerContext;
import io.skitai.core.TxId;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.ServerConnection;
import io.undertow.util.AttachmentKey;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gives every request its transaction ids ({@link TxId}: continued from {@code X-Gtxid}/{@code X-Ltxid},
 * else {@code GTID-C<connection>-R<request>} and {@code 1000}) and the server's {@link ServerContext},
 * as exchange attachments the handler's exchange and the request log read.
 */
final class Transactions implements HttpHandler {

    static final AttachmentKey<TxId> TXID = AttachmentKey.create(TxId.class);
    static final AttachmentKey<ServerContext> SERVER = AttachmentKey.create(ServerContext.class);

    /** Per connection: its number and how many requests it has carried. */
    private record Connection(long id, AtomicInteger requests) {}

    private static final AttachmentKey<Connection> CONNECTION = AttachmentKey.create(Connection.class);

    private final ServerContext context;
    private final AtomicLong connections = new AtomicLong();
    private final HttpHandler next;

    Transactions(ServerContext context, HttpHandler next) {
        this.context = context;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        ServerConnection connection = exchange.getConnection();
        Connection c = connection.getAttachment(CONNECTION);
        if (c == null) {
            c = new Connection(connections.incrementAndGet(), new AtomicInteger());
            connection.putAttachment(CONNECTION, c);
        }
        String fallback = "GTID-C" + c.id() + "-R" + c.requests().incrementAndGet();
        var headers = exchange.getRequestHeaders();
        exchange.putAttachment(TXID, TxId.continued(headers.getFirst(TxId.GTXID_HEADER),
                headers.getFirst(TxId.LTXID_HEADER), headers.getFirst(TxId.TRACEPARENT_HEADER), fallback));
        exchange.putAttachment(SERVER, context);
        next.handleRequest(exchange);
    }

    @Override
    public String toString() {
        return "Transactions -> " + next;
    }
}
