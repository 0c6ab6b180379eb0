package io.skitai.atila;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs every {@code config().get("maintainInterval")} seconds (default 60) while the app is
 * mounted, on a daemon thread of its own (Python's {@code @app.maintain}). The method may take the
 * {@link Atila} app, a {@code Was} serving no request (upstream calls, {@code getgs}/{@code getlu},
 * locks, status, {@code broadcast}; {@code was.request()} throws) and/or a {@code long} (the
 * current time in epoch milliseconds). What it throws is logged; the next run still happens.
 *
 * <pre>{@code
 * @Maintain
 * public void watchNodes(Was was) {
 *     long n = was.getgs("cluster.num-nodes");
 *     if (!Long.valueOf(n).equals(app.store().put("nodes", n))) {
 *         was.broadcast("cluster:num-nodes", n);
 *     }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Maintain {
}
