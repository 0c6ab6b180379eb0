package io.skitai.was.internal;

import io.skitai.was.Result;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javax.net.ssl.SSLHandshakeException;

/**
 * Sends to the first endpoint and moves on to the next one only when that cannot apply the request
 * twice: always when the request provably never left (connection refused, connect timeout,
 * unresolvable host, TLS handshake refused: no byte of it was written), and for a
 * {@linkplain #send replayable} (idempotent) request also after a 5xx or a broken connection. The
 * last answer is the result. Cancelling the returned future cancels the attempt in flight.
 */
final class Failover {

    private Failover() {}

    /**
     * Sends along {@code order}.
     *
     * @param replayable whether the request may be applied twice (GET, HEAD, OPTIONS, PUT, DELETE,
     *                   or calls marked idempotent)
     */
    static CompletableFuture<Result> send(List<Endpoint> order, boolean replayable,
            Function<Endpoint, CompletableFuture<Result>> attempt) {
        CompletableFuture<Result> outcome = new CompletableFuture<>();
        AtomicReference<CompletableFuture<Result>> inFlight = new AtomicReference<>();
        outcome.whenComplete((r, failure) -> {
            CompletableFuture<Result> current = inFlight.get();
            if (outcome.isCancelled() && current != null) {
                current.cancel(true);
            }
        });
        next(order, 0, replayable, attempt, outcome, inFlight);
        return outcome;
    }

    private static void next(List<Endpoint> order, int index, boolean replayable,
            Function<Endpoint, CompletableFuture<Result>> attempt, CompletableFuture<Result> outcome,
            AtomicReference<CompletableFuture<Result>> inFlight) {
        if (outcome.isDone()) {
            return;
        }
        CompletableFuture<Result> f;
        try {
            f = attempt.apply(order.get(index));
        } catch (RuntimeException e) {
            f = CompletableFuture.completedFuture(Outcomes.failure(e));
        }
        inFlight.set(f);
        f.whenComplete((r, failure) -> {
            Result result = failure != null ? Outcomes.failure(SingleCall.unwrap(failure)) : r;
            if (index + 1 < order.size() && movesOn(result, replayable) && !outcome.isDone()) {
                next(order, index + 1, replayable, attempt, outcome, inFlight);
            } else {
                outcome.complete(result);
            }
        });
    }

    /** Whether a call that ended with {@code r} goes to the next member. */
    static boolean movesOn(Result r, boolean replayable) {
        return neverLeft(r) || replayable && retryable(r);
    }

    /** No answer (refused, reset, unreachable) or a server error. */
    static boolean retryable(Result r) {
        return r.status() == Result.EXCEPTION && r.statusCode() == 0
                || r.status() == Result.NORMAL && r.statusCode() >= 500;
    }

    /** A failure before any byte of the request was written: nothing can have been applied. */
    static boolean neverLeft(Result r) {
        if (r.status() != Result.EXCEPTION || r.statusCode() != 0) {
            return false;
        }
        Throwable t = r.exception().orElse(null);
        for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException
                    || t instanceof UnknownHostException || t instanceof UnresolvedAddressException
                    || t instanceof SSLHandshakeException) {
                return true;
            }
        }
        return false;
    }
}
