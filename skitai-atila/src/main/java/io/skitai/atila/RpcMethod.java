package io.skitai.atila;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exposes a controller method at its class's {@link RpcService} path. Its parameters bind from the
 * call's parameters by position (JSON-RPC and XML-RPC) or by name (JSON-RPC, by the Java names or
 * {@link Param#value()}; {@code Param.required} and {@code Param.defaultValue} make one optional),
 * converted with the server's Jackson mapper; a trailing varargs parameter takes the rest.
 * {@code Was} and {@code Exchange} parameters get the request's. The return value is the result
 * (a {@code CompletionStage} is waited for). A parameter that is missing, unknown or does not
 * convert is error -32602 (XML-RPC fault -32602) saying which and why; a thrown
 * {@code RpcFault} is sent as its code and string, an {@code HttpError} as its status and message;
 * any other exception is logged and answered -32603 "Internal error" (XML-RPC fault 3) without its message.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RpcMethod {

    /** The method's RPC name; the Java method name by default. */
    String value() default "";
}
