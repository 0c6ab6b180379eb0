package io.skitai.core.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The connection books of one {@link UpstreamPool}: how many connections are open or being opened
 * (the bound counts them), the idle HTTP/1.1 ones (most recently used first) and the HTTP/2 ones
 * shared by several requests. Not thread-safe: the pool calls it with its lock held.
 */
final class PoolConnections {

    private final ArrayDeque<UpstreamConnection> idle = new ArrayDeque<>();
    private final List<UpstreamConnection> shared = new ArrayList<>();
    private int open;

    /** Connections open or being opened. */
    int open() {
        return open;
    }

    /** One more connection is being opened. */
    void reserve() {
        open++;
    }

    /** A connection being opened never came. */
    void unreserve() {
        open--;
    }

    /** Whether nothing is open or being opened. */
    boolean empty() {
        return open == 0;
    }

    /** An HTTP/2 connection with a free stream, or an idle HTTP/1.1 one, that {@code ex} may use; its stream counted. */
    UpstreamConnection take(PoolGrant ex) {
        for (UpstreamConnection c : shared) {
            if (c.streams < UpstreamPool.MAX_STREAMS && c.isOpen() && ex.fits(c)) {
                c.streams++;
                return c;
            }
        }
        for (Iterator<UpstreamConnection> it = idle.iterator(); it.hasNext();) {
            UpstreamConnection c = it.next();
            if (!c.isOpen()) {
                it.remove();
                forget(c);
            } else if (ex.fits(c)) {
                it.remove();
                c.streams = 1;
                return c;
            }
        }
        return null;
    }

    /** An HTTP/2 connection is shared from now on. */
    void share(UpstreamConnection c) {
        if (c.multiplexed() && !shared.contains(c)) {
            shared.add(c);
        }
    }

    /** {@code c} carries nothing now: it is idle from now (an HTTP/1.1 one goes first in line). */
    void rest(UpstreamConnection c) {
        c.idleSince = System.nanoTime();
        if (!c.multiplexed()) {
            idle.addFirst(c);
        }
    }

    /** {@code c} closed or left the pool: it is out of the books and no longer counts against the bound. */
    void drop(UpstreamConnection c) {
        idle.remove(c);
        shared.remove(c);
        forget(c);
    }

    /** {@code c} no longer counts against the bound (once, however often it is called). */
    void forget(UpstreamConnection c) {
        if (!c.forgotten) {
            c.forgotten = true;
            open--;
            shared.remove(c);
        }
    }

    /** Takes out the connections idle for {@code keepAlive} or longer, to be closed. */
    List<UpstreamConnection> expire(long now, long keepAlive) {
        List<UpstreamConnection> expired = new ArrayList<>();
        for (Iterator<UpstreamConnection> it = idle.iterator(); it.hasNext();) {
            UpstreamConnection c = it.next();
            if (now - c.idleSince >= keepAlive) {
                it.remove();
                forget(c);
                expired.add(c);
            }
        }
        for (UpstreamConnection c : List.copyOf(shared)) {
            if (c.streams == 0 && now - c.idleSince >= keepAlive) {
                forget(c);
                expired.add(c);
            }
        }
        return expired;
    }

    /** Idle connections: HTTP/1.1 ones in line and HTTP/2 ones with no stream. */
    int idleCount() {
        return idle.size() + (int) shared.stream().filter(c -> c.streams == 0).count();
    }

    /** Takes out every idle and shared connection, to be closed. */
    List<UpstreamConnection> clear() {
        List<UpstreamConnection> all = new ArrayList<>(idle);
        all.addAll(shared);
        idle.clear();
        shared.clear();
        return all;
    }
}
