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
 * Call c = caller.call("@search/rpc2", "rpc search [mozart]", target -> xmlRpc.send(target, body));
 * }</pre>
 *
 * <p>Contract: return at once without blocking; complete the future from the protocol's own
 * non-blocking machinery; complete it with {@link Outcomes#failure(Throwable)} (or exceptionally,
 * which is turned into that) when the request could not be made or answered; honour
 * cancellation of the future where the protocol can. A result whose {@link Result#statusCode()}
 * is 5xx, or an exceptional one, makes {@code lb()} try the next member.
 */
@FunctionalInterface
public interface Transport {

    /** Sends to {@code target}; never blocks. */
    CompletableFuture<Result> send(Target target);
}
