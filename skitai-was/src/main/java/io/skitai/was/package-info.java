/**
 * The per-request {@link io.skitai.was.Was} context ({@code Was.current()}, {@code request()},
 * {@code g()}, {@code basepath()}, {@code urlFor}, {@code render}, events) and its asynchronous
 * upstream calls: HTTP and XML-RPC to aliases or URLs, {@code lb()} and {@code map()}, the
 * {@link io.skitai.was.Call}/{@link io.skitai.was.MapCall} handles and their
 * {@link io.skitai.was.Result}s, the result cache and transaction ids.
 */
package io.skitai.was;
