/**
 * The per-request {@link io.skitai.was.Was} context. This first slice holds only the request-context
 * part ({@code Was.current()}, {@code request()}, {@code g()}, {@code basepath()}, {@code urlFor},
 * {@code timestamp()}); the asynchronous upstream calls (HTTP, XML-RPC, gRPC, databases) with
 * aliases, load balancing, map-reduce, result cache and transaction ids arrive with the was issue.
 */
package io.skitai.was;
