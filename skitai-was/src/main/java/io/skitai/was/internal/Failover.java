package io.skitai.was.internal;

import io.skitai.was.Result;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Sends to the first endpoint and, while the answer is a connection failure (no answer at all) or a
 * 5xx, to the next one; the last answer is the result. Cancelling the returned future cancels the
 * attempt in flight.
 */
final class Failover {

    private Failover() {}

    static CompletableFuture<Result> send(List<Endpoint> order, Function<Endpoint, CompletableFuture<Result>> attempt) {
        CompletableFuture<Result> outcome = new CompletableFuture<>();
        AtomicReference<CompletableFuture<Result>> inFlight = new AtomicReference<>();
        outcome.whenComplete((r, failure) -> {
            CompletableFuture<Result> current = inFlight.get();
            if (outcome.isCancelled() && current != null) {
                current.cancel(true);
            }
        });
        next(order, 0, attempt, outcome, inFlight);
        return outcome;
    }

    private static void next(List<Endpoint> order, int index, Function<Endpoint, CompletableFuture<Result>> attempt,
            CompletableFuture<Result> outcome, AtomicReference<CompletableFuture<Result>> inFlight) {
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
            if (index + 1 < order.size() && retryable(result) && !outcome.isDone()) {
                next(order, index + 1, attempt, outcome, inFlight);
            } else {
                outcome.complete(result);
            }
        });
    }

    /** No answer (refused, reset, unreachable) or a server error. */
    static boolean retryable(Result r) {
        return r.status() == Result.EXCEPTION && r.statusCode() == 0
                || r.status() == Result.NORMAL && r.statusCode() >= 500;
    }
}
