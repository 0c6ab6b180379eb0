package io.skitai.atila.internal;

import io.skitai.core.Exchange;
import io.skitai.core.Filter;
import io.skitai.core.Handler;
import io.skitai.core.Key;
import java.util.ArrayList;
import java.util.List;

/**
 * A route's {@code @RunBefore} and {@code @RunAfter} methods as {@link Filter}s around the route
 * method, composed once at mount time. The innermost handler invokes the method and leaves its
 * result in the request's {@link Outcome}; Atila renders it after the filters, so an after-hook
 * still sees (and may add to) the response before it is sent, and a before-hook that returns a
 * value answers instead of the route.
 */
final class RouteFilters {

    /** The route's result for one request, set by the innermost handler or a before-hook. */
    static final class Outcome {
        final Call call;
        Object result;

        Outcome(Call call) {
            this.call = call;
        }
    }

    private static final Key<Outcome> OUTCOME = Key.of("atila.outcome", Outcome.class);

    private RouteFilters() {}

    /** The handler running {@code invoke} inside the before-hooks, then the after-hooks. */
    static Handler around(List<Hook> before, List<Hook> after, Invocation invoke) {
        return around(List.of(), before, after, invoke);
    }

    /** The handler running {@code invoke} inside the {@code guards} (outermost), the before-hooks, then the after-hooks. */
    static Handler around(List<Filter> guards, List<Hook> before, List<Hook> after, Invocation invoke) {
        List<Filter> filters = new ArrayList<>(guards);
        before.forEach(h -> filters.add(before(h)));
        after.forEach(h -> filters.add(after(h)));
        return Filter.chain(filters, ex -> {
            Outcome o = outcome(ex);
            o.result = invoke.invoke(o.call);
        });
    }

    /** Runs {@code chain} for {@code call}; the result it left. */
    static Object run(Handler chain, Call call) throws Exception {
        Outcome o = new Outcome(call);
        call.exchange().put(OUTCOME, o);
        chain.handle(call.exchange());
        return o.result;
    }

    private static Outcome outcome(Exchange ex) {
        return ex.get(OUTCOME).orElseThrow(() -> new IllegalStateException("a route filter ran outside its route"));
    }

    private static Filter before(Hook hook) {
        return Filter.named("@RunBefore " + hook, next -> ex -> {
            Outcome o = outcome(ex);
            Object early = hook.call(Hook.Args.of(o.call.was()));
            if (early != null) {
                o.result = early;
            } else {
                next.handle(ex);
            }
        });
    }

    private static Filter after(Hook hook) {
        return Filter.named("@RunAfter " + hook, next -> ex -> {
            next.handle(ex);
            hook.call(Hook.Args.of(outcome(ex).call.was()));
        });
    }

    /**
     * A check before the route ({@code @LoginRequired} and the like): {@code guard} returns
     * {@code null} to go on, or the result to answer with instead; it may throw an {@code HttpError}.
     */
    static Filter guard(String description, Guard guard) {
        return Filter.named(description, next -> ex -> {
            Outcome o = outcome(ex);
            Object early = guard.check(o.call);
            if (early != null) {
                o.result = early;
            } else {
                next.handle(ex);
            }
        });
    }

    /** Decides whether a route may run. */
    @FunctionalInterface
    interface Guard {
        Object check(Call call) throws Exception;
    }

    /** Binds and invokes the route method. */
    @FunctionalInterface
    interface Invocation {
        Object invoke(Call call) throws Exception;
    }
}
