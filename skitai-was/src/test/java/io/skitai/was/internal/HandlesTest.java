package io.skitai.was.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skitai.core.HttpError;
import io.skitai.was.Call;
import io.skitai.was.MapCall;
import io.skitai.was.Result;
import io.skitai.was.Results;
import io.skitai.was.RpcFault;
import io.skitai.was.UpstreamException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The handles over futures any transport produces: statuses, timeouts, throwing forms, cache hooks. */
class HandlesTest {

    private static Outcome ok(Object data) {
        return Outcomes.normal(200, "OK", Map.of("Content-Type", List.of("application/json")), new byte[0], data);
    }

    @Test
    void answeredCallIsNormal() {
        Call c = SingleCall.of(CompletableFuture.completedFuture(ok(Map.of("a", 1))), null);
        Result r = c.dispatch(1);
        assertThat(r.status()).isEqualTo(Result.NORMAL);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.header("content-type")).contains("application/json");
        assertThat(r.data()).isEqualTo(Map.of("a", 1));
        assertThat(c.dataOrThrow(1)).isEqualTo(Map.of("a", 1));
    }

    @Test
    void unansweredCallTimesOutWithStatusOneAndIsCancelled() {
        CompletableFuture<Result> never = new CompletableFuture<>();
        Call c = SingleCall.of(never, null);
        Result r = c.dispatch(0.05);
        assertThat(r.status()).isEqualTo(Result.TIMEOUT);
        assertThat(r.statusCode()).isZero();
        assertThat(never).isCancelled();
        assertThat(c.dispatch(5).status()).isEqualTo(Result.TIMEOUT);
        assertThatThrownBy(() -> c.await(1)).isInstanceOf(UpstreamException.class).hasMessageContaining("timed out");
    }

    @Test
    void failedFutureIsStatusTwoAndThrowsTheGivenHttpError() {
        Call c = SingleCall.of(CompletableFuture.failedFuture(new ConnectException("Connection refused")), null);
        Result r = c.dispatch(1);
        assertThat(r.status()).isEqualTo(Result.EXCEPTION);
        assertThat(r.exception()).containsInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> c.dispatchOrThrow("503 Service Unavailable", 1))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(503))
                .hasCauseInstanceOf(UpstreamException.class);
        assertThatThrownBy(() -> c.dataOrThrow(1))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(502));
    }

    @Test
    void faultCarriesCodeAndString() {
        Outcome fault = Outcomes.failedAnswer(200, Map.of(), new byte[0],
                Map.of("faultCode", 4, "faultString", "Too many parameters."), new RpcFault(4, "Too many parameters."));
        Result r = SingleCall.of(CompletableFuture.completedFuture(fault), null).dispatch(1);
        assertThat(r.status()).isEqualTo(Result.EXCEPTION);
        assertThat(r.exception()).get().isInstanceOfSatisfying(RpcFault.class, f -> {
            assertThat(f.faultCode()).isEqualTo(4);
            assertThat(f.faultString()).isEqualTo("Too many parameters.");
        });
    }

    @Test
    void oneOrThrowWantsExactlyOneItem() {
        assertThat(SingleCall.of(CompletableFuture.completedFuture(ok(List.of("x"))), null).oneOrThrow(1)).isEqualTo("x");
        assertThatThrownBy(() -> SingleCall.of(CompletableFuture.completedFuture(ok(List.of())), null).oneOrThrow(1))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> SingleCall.of(CompletableFuture.completedFuture(ok(List.of(1, 2))), null).oneOrThrow(1))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(409));
    }

    @Test
    void dispatchCachesOnlyListedStatusCodes() {
        ResultCache cache = ResultCache.of(10);
        CacheSlot slot = new CacheSlot(cache, CacheKey.of("GET"), "x");
        SingleCall.of(CompletableFuture.completedFuture(ok("v")), slot).dispatch(1, 60);
        assertThat(slot.lookup(java.time.Instant.EPOCH)).isPresent();
        CacheSlot other = new CacheSlot(cache, CacheKey.of("GET"), "y");
        Outcome created = Outcomes.normal(201, "Created", Map.of(), new byte[0], "w");
        SingleCall.of(CompletableFuture.completedFuture(created), other).dispatch(1, 60);
        assertThat(other.lookup(java.time.Instant.EPOCH)).isEmpty();
        SingleCall.of(CompletableFuture.completedFuture(created), other).dispatch(1, 60, 200, 201);
        assertThat(other.lookup(java.time.Instant.EPOCH)).isPresent();
    }

    @Test
    void mapCallKeepsMemberOrderAndSharesTheDeadline() {
        CompletableFuture<Result> slow = new CompletableFuture<>();
        MapCall m = MultiCall.of(List.of(
                SingleCall.of(CompletableFuture.completedFuture(ok(1)), null),
                SingleCall.of(slow, null),
                SingleCall.of(CompletableFuture.completedFuture(ok(3)), null)));
        Results rs = m.dispatch(Duration.ofMillis(100));
        assertThat(rs.statuses()).containsExactly(Result.NORMAL, Result.TIMEOUT, Result.NORMAL);
        assertThat(rs.data()).containsExactly(1, null, 3);
        assertThat(slow).as("the call that timed out was cancelled").isCancelled();
    }
}
