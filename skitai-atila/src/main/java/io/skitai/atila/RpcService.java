package io.skitai.atila;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Serves a controller's {@link RpcMethod}s over JSON-RPC 2.0 and XML-RPC at a path below the app's
 * mount point, POST only: a {@code text/xml} body is an XML-RPC call, any other body a JSON-RPC
 * request or batch. Controllers naming the same path share one endpoint.
 *
 * <pre>{@code
 * @RpcService("/rpc")
 * public class Calc {
 *     @RpcMethod
 *     public int subtract(int minuend, int subtrahend) { return minuend - subtrahend; }
 * }
 *
 * Skitai.mount("/", Atila.create().register(new Calc()));
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RpcService {

    /** The paths of the endpoint, below the app's mount point. */
    String[] value();

    /** The most calls one JSON-RPC batch may hold; a larger batch is one -32600 error. */
    int maxBatch() default 100;
}
