package io.skitai.atila;

import io.skitai.websocket.WsEncoding;
import io.skitai.websocket.WsSpec;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A websocket route on a controller method (the Python docs' simpler style): the method handles
 * each message. Its first parameter besides {@code Was}, {@code Exchange} and {@code WsClient} is
 * the message (a {@code String}, {@code byte[]}, or what the encoding decodes into); the others bind
 * from the handshake's path variables and query like any route's, checked at the handshake (a
 * missing or bad one is a 400 there). A non-null return value is sent back (to the room, in a
 * group chat). {@link #onOpen} and {@link #onClose} name methods of the same controller for the
 * events, taking the same parameters without the message.
 *
 * <pre>{@code
 * @WebSocketRoute(value = "/chat/{room}", spec = WsSpec.GROUPCHAT, roomParams = {}, onOpen = "entered")
 * public String chat(Was was, String message, WsClient client, String room, @Param(defaultValue = "guest") String name) {
 *     return name + "@" + room + ": " + message;
 * }
 * public String entered(WsClient client, String name) { return name + " has entered"; }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface WebSocketRoute {

    /** The path templates, as {@link Route#value()}. */
    String[] value();

    /** How the route runs. */
    WsSpec spec() default WsSpec.SIMPLE;

    /** Seconds a client may stay silent (pings go out after half). */
    int keepAlive() default 60;

    /** How messages are decoded and return values encoded. */
    WsEncoding encoding() default WsEncoding.NONE;

    /** The method run when a client's connection opens; none by default. */
    String onOpen() default "";

    /** The method run when a client's connection closes; none by default. */
    String onClose() default "";

    /**
     * For a group chat, the query parameters that name the room besides the path (path variables
     * always do); {@code "*"} (the default): all of them ({@code WsConfig.roomParams}).
     */
    String[] roomParams() default {"*"};

    /** Origins allowed besides the site itself ({@code WsConfig.allowOrigins}). */
    String[] allowOrigins() default {};
}
