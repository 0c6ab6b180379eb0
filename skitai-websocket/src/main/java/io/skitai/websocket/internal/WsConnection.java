package io.skitai.websocket.internal;

import io.skitai.core.Exchange;
import io.skitai.core.RequestScope;
import io.skitai.websocket.WsClient;
import io.skitai.websocket.WsConfig;
import io.skitai.websocket.WsReply;
import io.skitai.websocket.WsRoom;
import io.skitai.websocket.WsRoute;
import io.skitai.websocket.WsSpec;
import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.xnio.IoUtils;
import org.xnio.XnioIoThread;

/**
 * One open websocket of a route: runs the route's events and messages on the request's scope one
 * at a time (receives stay suspended while one runs), sends through a bounded queue, pings a quiet
 * client after half the keep-alive and closes it after the whole. Counts itself, its messages in and
 * out, in its mount's {@link WsTally}.
 */
final class WsConnection<T> implements WsClient {

    private static final System.Logger LOG = System.getLogger("io.skitai.websocket");
    /** Client ids: unique in the process, as the Python docs' numeric {@code wsclient()}. */
    private static final AtomicLong IDS = new AtomicLong();

    private final long id = IDS.incrementAndGet();
    private final WebSocketChannel channel;
    private final WsConfig config;
    private final Class<T> messageType;
    private final WsRoute<T> route;
    private final Rooms rooms;
    private final RequestScope scope;
    private final WsTally tally;
    private final ReentrantLock sendLock = new ReentrantLock();
    private final Condition drained = sendLock.newCondition();
    private long pendingBytes;
    private volatile long lastHeard = System.nanoTime();
    private volatile boolean busy = true;
    private volatile int closeCode = 1006;
    private Room room;

    WsConnection(WebSocketChannel channel, WsConfig config, Class<T> messageType, WsRoute<T> route, Rooms rooms,
            RequestScope scope, WsTally tally) {
        this.channel = channel;
        this.config = config;
        this.messageType = messageType;
        this.route = route;
        this.rooms = rooms;
        this.scope = scope;
        this.tally = tally;
    }

    /** Starts the connection: the open event first, then its messages. */
    void open() {
        exchange().put(WsKeys.CLIENT, this);
        channel.getReceiveSetter().set(new WsReceiver(this, config.maxMessageBytes()));
        tally.opened(); // on the IO thread that made the channel: it cannot close before the task below is added
        channel.addCloseTask(c -> closed());
        if (config.spec() == WsSpec.GROUPCHAT) {
            room = rooms.enter(Rooms.key(exchange().path(), exchange().queryParams(), config.roomParams()), this);
        }
        scheduleTick(channel.getIoThread());
        scope.execute(() -> {
            if (run(() -> route.onOpen(this))) {
                busy = false;
                channel.resumeReceives();
            }
        });
    }

    /** A whole message arrived (receives are suspended until it is handled). */
    void received(Object raw) {
        tally.received();
        heard();
        busy = true;
        channel.suspendReceives();
        scope.execute(() -> {
            boolean fine = run(() -> route.onMessage(this, MessageCodec.decode(raw, config.encoding(), messageType)));
            heard();
            busy = false;
            if (fine && channel.isOpen()) {
                channel.resumeReceives();
            }
        });
    }

    /** Any frame from the client, a pong included, shows it is there. */
    void heard() {
        lastHeard = System.nanoTime();
    }

    /** The close code the client sent (kept for {@link WsRoute#onClose}). */
    void closeCodeReceived(int code) {
        closeCode = code;
    }

    /** Runs a route callback and delivers its return value; false when it failed (the connection closes). */
    private boolean run(Callback callback) {
        try {
            deliver(callback.call());
            return true;
        } catch (MessageCodec.BadMessage e) {
            close(e.code, e.getMessage());
        } catch (Exception | Error e) {
            LOG.log(Level.ERROR, "websocket route " + route.getClass().getName() + " failed on " + exchange().path(), e);
            close(1011, "the route failed");
        }
        return false;
    }

    @FunctionalInterface
    private interface Callback {
        Object call() throws Exception;
    }

    private void deliver(Object reply) {
        if (reply == null) {
            return;
        }
        if (room == null) {
            send(reply);
        } else if (reply instanceof WsReply one) {
            room.send(one.message(), one.clientId());
        } else {
            room.send(reply);
        }
    }

    private void closed() {
        tally.closed();
        if (room != null) {
            rooms.leave(room, this);
        }
        sendLock.lock();
        try {
            drained.signalAll();
        } finally {
            sendLock.unlock();
        }
        int code = closeCode;
        scope.execute(() -> run(() -> route.onClose(this, code)));
    }

    // ---- sending ---------------------------------------------------------------------------

    @Override
    public void send(Object message) {
        MessageCodec.Frame frame = MessageCodec.encode(message, config.encoding());
        if (!reserve(frame.size(), !(Thread.currentThread() instanceof XnioIoThread))) {
            throw new IllegalStateException(channel.isOpen() ? "the websocket client does not read" : "the websocket is closed");
        }
        write(frame);
    }

    /** Sends without waiting (room messages): a client whose queue is full is closed instead. */
    void offer(Object message) {
        offerFrame(encode(message));
    }

    /** {@link #offer} of a message already encoded. */
    void offerFrame(MessageCodec.Frame frame) {
        if (reserve(frame.size(), false)) {
            write(frame);
        }
    }

    /** {@code message} encoded as this route sends it. */
    MessageCodec.Frame encode(Object message) {
        return MessageCodec.encode(message, config.encoding());
    }

    /**
     * Counts {@code bytes} into the send queue, waiting (if {@code mayWait}) up to the keep-alive
     * while it is full; a client that stays full is closed with 1008.
     */
    private boolean reserve(int bytes, boolean mayWait) {
        long deadline = System.nanoTime() + config.keepAlive().toNanos();
        sendLock.lock();
        try {
            while (channel.isOpen() && pendingBytes > 0 && pendingBytes + bytes > config.sendQueueBytes()) {
                long left = deadline - System.nanoTime();
                if (!mayWait || left <= 0) {
                    close(1008, "send queue full: the client does not read its messages");
                    return false;
                }
                drained.awaitNanos(left);
            }
            if (!channel.isOpen()) {
                return false;
            }
            pendingBytes += bytes;
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            sendLock.unlock();
        }
    }

    private void write(MessageCodec.Frame frame) {
        tally.sent();
        WebSocketCallback<Void> done = new WebSocketCallback<>() {
            @Override
            public void complete(WebSocketChannel c, Void context) {
                release(frame.size());
            }

            @Override
            public void onError(WebSocketChannel c, Void context, Throwable throwable) {
                release(frame.size());
                IoUtils.safeClose(c);
            }
        };
        if (frame.text() != null) {
            WebSockets.sendText(frame.text(), channel, done);
        } else {
            WebSockets.sendBinary(ByteBuffer.wrap(frame.binary()), channel, done);
        }
    }

    private void release(int bytes) {
        sendLock.lock();
        try {
            pendingBytes -= bytes;
            drained.signalAll();
        } finally {
            sendLock.unlock();
        }
    }

    // ---- keep-alive --------------------------------------------------------------------------

    private void scheduleTick(XnioIoThread io) {
        long every = Math.max(50, config.keepAlive().toMillis() / 4);
        io.executeAfter(() -> {
            if (!channel.isOpen()) {
                return;
            }
            long quiet = System.nanoTime() - lastHeard;
            if (!busy && quiet > config.keepAlive().toNanos()) {
                close(1001, "idle for more than " + config.keepAlive().toSeconds() + " s");
                return;
            }
            if (!busy && quiet > config.keepAlive().toNanos() / 2) {
                WebSockets.sendPing(ByteBuffer.allocate(0), channel, null);
            }
            scheduleTick(io);
        }, every, TimeUnit.MILLISECONDS);
    }

    // ---- WsClient ----------------------------------------------------------------------------

    @Override
    public long id() {
        return id;
    }

    @Override
    public void close(int code, String reason) {
        if (!channel.isOpen()) {
            return;
        }
        closeCode = code;
        String shortReason = clip(reason == null ? "" : reason);
        WebSockets.sendClose(code, shortReason, channel, new WebSocketCallback<Void>() {
            @Override
            public void complete(WebSocketChannel c, Void context) {
                IoUtils.safeClose(c);
            }

            @Override
            public void onError(WebSocketChannel c, Void context, Throwable throwable) {
                IoUtils.safeClose(c);
            }
        });
    }

    /** A close reason fits 123 bytes of UTF-8. */
    private static String clip(String reason) {
        String r = reason;
        while (r.getBytes(StandardCharsets.UTF_8).length > 123) {
            r = r.substring(0, r.length() - 1);
        }
        return r;
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public Exchange exchange() {
        return scope.exchange();
    }

    @Override
    public Optional<WsRoom> room() {
        return Optional.ofNullable(room);
    }

    @Override
    public String toString() {
        return "WsClient(" + id + " on " + exchange().path() + ")";
    }
}
