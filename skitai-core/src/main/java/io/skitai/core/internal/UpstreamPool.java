package io.skitai.core.internal;

import io.undertow.client.ClientConnection;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The connections to one upstream (scheme, host and port), at most {@code maxConnections} open or
 * opening: a request takes an HTTP/2 connection with a free stream or an idle HTTP/1.1 one, else
 * waits in line (at most {@code maxWaiting}) while a new connection opens if the bound allows.
 * Connections go back idle after a whole answer and close after the keep-alive; {@link #sweep}
 * also fails requests and connection attempts past their time limits. One lock guards the book-
 * keeping; requests start and connections close outside it.
 */
final class UpstreamPool {

    /** Requests sent at once on one HTTP/2 connection before another is opened. */
    static final int MAX_STREAMS = 100;

    private final URI origin;
    private final UpstreamClientImpl client;
    private final int maxConnections;
    private final int maxWaiting;
    private final ReentrantLock lock = new ReentrantLock();
    private final PoolConnections connections = new PoolConnections();
    private final ArrayDeque<PoolGrant> waiting = new ArrayDeque<>();
    private final Set<PoolGrant> running = new HashSet<>();
    private final Set<UpstreamConnector.Attempt> attempts = new HashSet<>();
    /** Connections being opened (part of {@link PoolConnections#open}): one per waiting request at most. */
    private int connecting;
    private boolean closed;
    /** Dropped by its client for having nothing (see {@link #retireIfUnused}): takes no more requests. */
    private boolean retired;

    UpstreamPool(URI origin, UpstreamClientImpl client, int maxConnections, int maxWaiting) {
        this.origin = origin;
        this.client = client;
        this.maxConnections = maxConnections;
        this.maxWaiting = maxWaiting;
    }

    /**
     * Grants {@code ex} a connection now, or queues it and opens one if the bound allows; false when
     * this pool was retired (its client makes a new one).
     */
    boolean acquire(PoolGrant ex) {
        UpstreamConnection ready;
        boolean connect = false;
        IOException refused = null;
        lock.lock();
        try {
            if (retired) {
                return false;
            }
            ready = closed ? null : connections.take(ex);
            if (closed) {
                refused = new IOException(Messages.upstreamClientStopped(origin));
            } else if (ready != null) {
                activate(ex, ready);
            } else if (waiting.size() >= maxWaiting) {
                refused = new IOException(Messages.upstreamQueueFull(origin, maxWaiting));
            } else {
                ex.since = System.nanoTime();
                waiting.add(ex);
                connect = claimConnect();
            }
        } finally {
            lock.unlock();
        }
        if (ready != null) {
            ex.start(ready);
        } else if (refused != null) {
            ex.fail(refused);
        } else if (connect) {
            connect(ex.thread());
        }
        return true;
    }

    /** Retires this pool if it has no connection, request or attempt (a destination no longer used). */
    boolean retireIfUnused() {
        lock.lock();
        try {
            retired = retired || (connections.empty() && waiting.isEmpty() && running.isEmpty() && attempts.isEmpty());
            return retired;
        } finally {
            lock.unlock();
        }
    }

    /** Whether to open one more connection: the bound allows it and a waiting request has none coming (lock held). */
    private boolean claimConnect() {
        if (closed || connections.open() >= maxConnections || waiting.size() <= connecting) {
            return false;
        }
        connections.reserve();
        connecting++;
        return true;
    }

    private void connect(org.xnio.XnioIoThread thread) {
        UpstreamConnector.Attempt attempt = client.connector().connect(origin, this, thread);
        lock.lock();
        try {
            if (!attempt.isDone()) {
                attempts.add(attempt);
            }
        } finally {
            lock.unlock();
        }
    }

    private void activate(PoolGrant ex, UpstreamConnection c) {
        ex.since = System.nanoTime();
        ex.connection = c;
        c.served++;
        running.add(ex);
    }

    /** A new connection is ready: it serves the head of the line (an HTTP/2 one as many as it may). */
    void connected(UpstreamConnector.Attempt attempt, ClientConnection made,
            java.util.function.UnaryOperator<IOException> explainer) {
        UpstreamConnection c = new UpstreamConnection(made, explainer);
        made.addCloseListener(x -> closed(c));
        List<PoolGrant> granted = new ArrayList<>(1);
        boolean refuse;
        lock.lock();
        try {
            attempts.remove(attempt);
            connecting--;
            refuse = closed;
            if (!refuse) {
                serveWaiting(c, granted);
            }
        } finally {
            lock.unlock();
        }
        if (refuse) {
            c.close();
        }
        granted.forEach(ex -> ex.start(c));
        reconnectIfWaiting(); // a request bound to another IO thread may still wait
    }

    /** Opening a connection failed: the head of the line fails with it (the upstream is likely down). */
    void connectFailed(UpstreamConnector.Attempt attempt, IOException failure) {
        PoolGrant head;
        lock.lock();
        try {
            attempts.remove(attempt);
            connections.unreserve();
            connecting--;
            head = waiting.poll();
        } finally {
            lock.unlock();
        }
        if (head != null) {
            head.fail(failure instanceof ConnectException ? failure : connectFailure(failure));
        }
        reconnectIfWaiting();
    }

    private ConnectException connectFailure(IOException failure) {
        ConnectException e = new ConnectException(Messages.upstreamConnectFailed(origin, String.valueOf(failure.getMessage())));
        e.initCause(failure);
        return e;
    }

    /** {@code ex} is done with {@code c}; {@code reusable}: it may carry another request. */
    void release(PoolGrant ex, UpstreamConnection c, boolean reusable) {
        List<PoolGrant> granted = new ArrayList<>(1);
        boolean close = false;
        lock.lock();
        try {
            running.remove(ex);
            c.streams--;
            if (c.multiplexed() && reusable || !c.multiplexed() && reusable && c.isOpen() && !closed) {
                serveWaiting(c, granted);
            } else if (!c.multiplexed()) {
                connections.forget(c);
                close = true;
            }
        } finally {
            lock.unlock();
        }
        if (close) {
            c.close();
            reconnectIfWaiting();
        }
        granted.forEach(next -> next.start(c));
    }

    /**
     * {@code ex} keeps {@code c} for good (an upgraded connection, now a proxied tunnel): it leaves
     * the pool's books without being closed, and counts no more against the bound.
     */
    void detach(PoolGrant ex, UpstreamConnection c) {
        lock.lock();
        try {
            running.remove(ex);
            c.streams--;
            connections.drop(c);
        } finally {
            lock.unlock();
        }
        reconnectIfWaiting();
    }

    private void serveWaiting(UpstreamConnection c, List<PoolGrant> granted) {
        connections.share(c);
        for (Iterator<PoolGrant> it = waiting.iterator();
                (c.multiplexed() ? c.streams < MAX_STREAMS : c.streams == 0) && c.isOpen() && it.hasNext();) {
            PoolGrant next = it.next();
            if (next.fits(c)) {
                it.remove();
                c.streams++;
                activate(next, c);
                granted.add(next);
            }
        }
        if (c.streams == 0) {
            connections.rest(c);
        }
    }

    private void reconnectIfWaiting() {
        boolean connect;
        org.xnio.XnioIoThread thread = null;
        lock.lock();
        try {
            connect = claimConnect();
            PoolGrant head = waiting.peek();
            thread = head == null ? null : head.thread();
        } finally {
            lock.unlock();
        }
        if (connect) {
            connect(thread);
        }
    }

    private void closed(UpstreamConnection c) {
        lock.lock();
        try {
            connections.drop(c);
        } finally {
            lock.unlock();
        }
        reconnectIfWaiting();
    }

    /**
     * What the pool holds now: connections carrying requests, idle ones (those being opened are
     * neither) and requests waiting for a connection (read by the pool gauges, {@link io.skitai.core.Metrics#watchPool}).
     */
    io.skitai.core.Metrics.PoolCounts counts() {
        lock.lock();
        try {
            return new io.skitai.core.Metrics.PoolCounts((int) running.stream().map(g -> g.connection).distinct().count(), connections.idleCount(),
                    waiting.size());
        } finally {
            lock.unlock();
        }
    }

    /** Whether {@code c} carried a request before the current one. */
    boolean wasUsed(UpstreamConnection c) {
        lock.lock();
        try {
            return c.served > 1;
        } finally {
            lock.unlock();
        }
    }

    /** Takes {@code ex} out of the line; false when it already has a connection. */
    boolean dropWaiting(PoolGrant ex) {
        lock.lock();
        try {
            return waiting.remove(ex);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes connections idle longer than {@code keepAlive}, fails requests older than
     * {@code requestLimit} (waiting or running) and connection attempts older than {@code connectLimit}.
     */
    void sweep(long now, long keepAlive, long requestLimit, long connectLimit) {
        List<UpstreamConnection> expired;
        List<PoolGrant> late = new ArrayList<>();
        List<UpstreamConnector.Attempt> slow = new ArrayList<>();
        lock.lock();
        try {
            expired = connections.expire(now, keepAlive);
            running.stream().filter(ex -> now - ex.since >= requestLimit).forEach(late::add);
            for (Iterator<PoolGrant> it = waiting.iterator(); it.hasNext();) {
                PoolGrant ex = it.next();
                if (now - ex.since >= requestLimit) {
                    it.remove();
                    late.add(ex);
                }
            }
            attempts.stream().filter(a -> now - a.started() >= connectLimit).forEach(slow::add);
        } finally {
            lock.unlock();
        }
        expired.forEach(UpstreamConnection::close);
        for (PoolGrant ex : late) {
            ex.failWhereItRuns(new HttpTimeoutException(Messages.upstreamRequestLimit(origin,
                    java.time.Duration.ofNanos(requestLimit))));
        }
        for (UpstreamConnector.Attempt a : slow) {
            if (a.abandon()) {
                connectFailed(a, new ConnectException(Messages.upstreamConnectTimeout(origin,
                        java.time.Duration.ofNanos(connectLimit))));
            }
        }
    }

    /** Stops: waiting and running requests fail, every connection closes. */
    void close() {
        List<PoolGrant> waiters;
        List<PoolGrant> runners;
        List<UpstreamConnection> conns;
        lock.lock();
        try {
            closed = true;
            waiters = new ArrayList<>(waiting);
            waiting.clear();
            runners = new ArrayList<>(running);
            conns = connections.clear();
        } finally {
            lock.unlock();
        }
        IOException stopped = new IOException(Messages.upstreamClientStopped(origin));
        waiters.forEach(ex -> ex.fail(stopped));
        runners.forEach(ex -> ex.failWhereItRuns(stopped));
        conns.forEach(UpstreamConnection::close);
    }

    @Override
    public String toString() {
        return "UpstreamPool[" + origin + ", " + connections.open() + " open]";
    }
}
