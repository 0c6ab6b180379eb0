package io.skitai.core.internal;

import io.undertow.Undertow;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.channels.Channel;

/**
 * Closes Undertow's listening sockets while leaving the open connections alone, so a graceful stop
 * refuses new connections before it drains. Undertow 2.3 offers only {@code suspend()}, which also
 * closes every open connection; the accepting channel is reached by reflection instead. Should
 * that ever fail (another Undertow), the drain gate still answers new connections, with
 * {@code Connection: close}, until it ends.
 */
final class Listeners {

    private static final System.Logger LOG = System.getLogger("io.skitai.core");

    private Listeners() {}

    /** Closes the accepting socket of each listener; returns whether all were closed. */
    static boolean closeAccepting(Undertow undertow) {
        boolean all = true;
        for (Undertow.ListenerInfo info : undertow.getListenerInfo()) {
            try {
                Field field = Undertow.ListenerInfo.class.getDeclaredField("channel");
                field.setAccessible(true);
                ((Channel) field.get(info)).close();
            } catch (ReflectiveOperationException | RuntimeException | IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "cannot close the listener early; the drain gate answers with Connection: close", e);
                all = false;
            }
        }
        return all;
    }
}
