package io.skitai.was.internal;

import io.skitai.was.Result;
import java.util.concurrent.CompletableFuture;

/**
 * The SPI of one protocol (HTTP, XML-RPC, gRPC...): send one request to one resolved upstream and
 * complete with its {@link Result}. Everything else (aliases, lb fail-over, map, result cache,
 * transaction ids, timeouts, the {@code Call}/{@code MapCall} handles) is done by
 * {@link Caller#call(String, String, Transport)} around it:
 *
 * <pre>{@code
 * Call c = caller.call("@search/rpc2", CacheKey.of("rpc search [mozart]"), target -> xmlRpc.send(target, body));
 * }</pre>
 *
 * <p>Contract: return at once without blocking; complete the future from the protocol's own
 * non-blocking machinery; complete it with {@link Outcomes#failure(Throwable)} (or exceptionally,
 * which is turned into that) when the request could not be made or answered; honour
 * cancellation of the future where the protocol can. A failure whose cause chain holds a
 * {@code ConnectException} (the request never left) makes {@code lb()} try the next member; a 5xx
 * or another failure does so only for calls marked idempotent.
 */
@FunctionalInterface
public interface Transport {

    /** Sends to {@code target}; never blocks. */
    CompletableFuture<Result> send(Target target);

    /**
     * Whether its requests carry the transaction-id headers ({@code X-Gtxid}, {@code X-Ltxid},
     * {@code traceparent}): HTTP, XML-RPC and gRPC do; a database protocol has no place for them,
     * so none are made for its calls (and they take no ltxid).
     */
    default boolean carriesTxIds() {
        return true;
    }

    /** {@code transport}, whose requests carry no transaction-id headers (a database's). */
    static Transport withoutTxIds(Transport transport) {
        return new Transport() {
            @Override
            public CompletableFuture<Result> send(Target target) {
                return transport.send(target);
            }

            @Override
            public boolean carriesTxIds() {
                return false;
            }
        };
    }
}
