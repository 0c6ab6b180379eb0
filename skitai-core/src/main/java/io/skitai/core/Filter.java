package io.skitai.core;

/**
 * Middleware: turns a {@link Handler} into a {@link Handler} that runs code around it (or instead
 * of it). Filters are added to the server ({@link ServerBuilder#filter(Filter)}) or to one mount
 * ({@link Mount#filter(Filter)}) and applied once, when the server starts, in one order:
 *
 * <pre>
 * error boundary → server filters (first added outermost) → mount filters (first added outermost) → handler
 * </pre>
 *
 * <p>They run on the handler threads inside the error boundary, so an {@link HttpError} a filter
 * throws becomes its status, and they see the same {@link Exchange} as the handler. They wrap
 * {@link Handler} and {@link App} mounts (an app's whole handler) and reverse-proxied alias mounts
 * (there before the proxy, which then streams the still unread body); files of a static directory
 * and raw Undertow {@code HttpHandler} mounts are served without them.
 *
 * <pre>{@code
 * Filter timing = Filter.named("timing", next -> exchange -> {
 *     long start = System.nanoTime();
 *     next.handle(exchange);
 *     log(exchange.path(), System.nanoTime() - start);
 * });
 * }</pre>
 *
 * <p>Give each filter a {@code toString} that says what it does ({@link #named} does); the
 * server's status and errors name filters by it.
 */
@FunctionalInterface
public interface Filter {

    /** The handler that runs this filter around {@code next}. */
    Handler apply(Handler next);

    /** {@code filter} with {@code description} as its {@code toString}. */
    static Filter named(String description, Filter filter) {
        if (description == null || description.isBlank() || filter == null) {
            throw new IllegalArgumentException("Filter.named needs a description and a filter");
        }
        return new Filter() {
            @Override
            public Handler apply(Handler next) {
                return filter.apply(next);
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }

    /** {@code handler} wrapped by {@code filters}, the first outermost. */
    static Handler chain(java.util.List<? extends Filter> filters, Handler handler) {
        Handler h = handler;
        for (int i = filters.size() - 1; i >= 0; i--) {
            Filter f = filters.get(i);
            h = f.apply(h);
            if (h == null) {
                throw new IllegalStateException("filter " + f + " returned no handler");
            }
        }
        return h;
    }
}
