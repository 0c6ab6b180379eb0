package io.skitai.core.internal.process;

import io.skitai.core.WorkerChannel;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The {@link WorkerChannel} of a worker: a Unix domain socket {@code bus-<pid>.sock} in the
 * master's instance directory that the other workers write to, and one connection to each of
 * theirs, made on the first publish and dropped when its worker is gone. The directory is listed
 * at most once a second: a worker that started less than a second ago may miss a message. A frame is the topic and
 * the payload, each length-prefixed; one connection per peer keeps a publisher's order.
 */
final class WorkerBus implements WorkerChannel, AutoCloseable {

    private static final System.Logger LOG = System.getLogger("io.skitai.core");
    private static final String PREFIX = "bus-";
    private static final int MAX_FRAME = 16 * 1024 * 1024;
    private static final long LIST_EVERY = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);

    private final Path directory;
    private final Path own;
    private final ServerSocketChannel server;
    private final Map<String, List<Consumer<byte[]>>> listeners = new ConcurrentHashMap<>();
    private final Map<Path, Peer> peers = new ConcurrentHashMap<>();
    /** The other workers' sockets, listed at most once a second (not on every publish). */
    private volatile List<Path> known = List.of();
    private volatile long listedAt;
    private volatile boolean closed;

    private WorkerBus(Path directory, Path own, ServerSocketChannel server) {
        this.directory = directory;
        this.own = own;
        this.server = server;
    }

    /** Opens this worker's socket in {@code instance}. */
    static WorkerBus open(Path instance) throws IOException {
        Path own = instance.resolve(PREFIX + ProcessHandle.current().pid() + ".sock");
        Files.deleteIfExists(own);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(own));
        WorkerBus bus = new WorkerBus(instance, own, server);
        Thread.ofVirtual().name("skitai-worker-bus").start(bus::accept);
        return bus;
    }

    @Override
    public void subscribe(String topic, Consumer<byte[]> listener) {
        listeners.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
    }

    @Override
    public void publish(String topic, byte[] payload) {
        for (Path socket : peerSockets()) {
            Peer peer = peers.computeIfAbsent(socket, Peer::new);
            if (!peer.send(topic, payload)) {
                peers.remove(socket, peer);
            }
        }
    }

    private List<Path> peerSockets() {
        long now = System.nanoTime();
        if (now - listedAt < LIST_EVERY && listedAt != 0) {
            return known;
        }
        try (Stream<Path> files = Files.list(directory)) {
            known = files.filter(p -> p.getFileName().toString().startsWith(PREFIX) && !p.equals(own)).toList();
        } catch (IOException e) {
            known = List.of();
        }
        listedAt = now;
        return known;
    }

    private void accept() {
        while (!closed) {
            try {
                SocketChannel from = server.accept();
                Thread.ofVirtual().name("skitai-worker-bus-in").start(() -> read(from));
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, "the worker bus stopped accepting: " + e.getMessage());
                }
                return;
            }
        }
    }

    private void read(SocketChannel from) {
        try (from; DataInputStream in = new DataInputStream(Channels.newInputStream(from))) {
            while (!closed) {
                String topic = new String(chunk(in), StandardCharsets.UTF_8);
                byte[] payload = chunk(in);
                for (Consumer<byte[]> listener : listeners.getOrDefault(topic, List.of())) {
                    try {
                        listener.accept(payload);
                    } catch (RuntimeException e) {
                        LOG.log(Level.ERROR, "a worker-bus listener of " + topic + " failed", e);
                    }
                }
            }
        } catch (IOException e) {
            // the peer went away
        }
    }

    private static byte[] chunk(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_FRAME) {
            throw new IOException("a worker-bus frame of " + n + " bytes");
        }
        return in.readNBytes(n);
    }

    /** A connection to another worker's socket. */
    private static final class Peer {
        private final Path socket;
        private DataOutputStream out;

        Peer(Path socket) {
            this.socket = socket;
        }

        synchronized boolean send(String topic, byte[] payload) {
            try {
                if (out == null) {
                    SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
                    out = new DataOutputStream(new java.io.BufferedOutputStream(Channels.newOutputStream(channel)));
                }
                byte[] t = topic.getBytes(StandardCharsets.UTF_8);
                out.writeInt(t.length);
                out.write(t);
                out.writeInt(payload.length);
                out.write(payload);
                out.flush();
                return true;
            } catch (IOException e) {
                out = null;
                return false; // the worker is gone (its socket file goes with its instance directory or the next start)
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
            Files.deleteIfExists(own);
        } catch (IOException ignored) {
            // the instance directory goes with the master
        }
    }
}
