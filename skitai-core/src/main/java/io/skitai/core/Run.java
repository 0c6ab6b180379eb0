package io.skitai.core;

import java.util.List;

/**
 * How to run the engine: address, port, handler threads, worker processes and name. Immutable;
 * each method returns a changed copy. Command-line options ({@code --skitai-port=N},
 * {@code --skitai-address=A}, {@code --skitai-threads=N}, {@code --skitai-workers=N},
 * {@code --skitai-name=S}) given in {@link #args(String...)} override these values.
 *
 * <pre>{@code Skitai.run(Run.port(5000).threads(8).name("myapp").args(args)); }</pre>
 *
 * @param address the address to bind ({@code 127.0.0.1} by default; {@code 0.0.0.0} for all)
 * @param port    the port; 0 picks a free one
 * @param threads {@link #VIRTUAL} (the default) runs each handler on its own virtual thread;
 *                n &gt; 0 caps handler concurrency on n platform threads; 0 runs handlers on the IO
 *                thread (they must not block)
 * @param workers worker processes (1: a single process, no master)
 * @param name    the process name shown in logs and {@code ps}
 * @param args    the program's command line, from which the engine takes its own options
 */
public record Run(String address, int port, int threads, int workers, String name, List<String> args) {

    /** The {@code threads} value that runs every handler on its own virtual thread. */
    public static final int VIRTUAL = -1;

    /** The default port, as in the Python original. */
    public static final int DEFAULT_PORT = 5000;

    /** Validates and freezes the values. */
    public Run {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("Run.address must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Run.port must be 0..65535, got " + port);
        }
        if (threads < VIRTUAL) {
            throw new IllegalArgumentException("Run.threads must be -1 (virtual), 0 (IO thread) or a positive count, got " + threads);
        }
        if (workers < 1) {
            throw new IllegalArgumentException("Run.workers must be at least 1, got " + workers);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Run.name must not be blank");
        }
        args = List.copyOf(args);
    }

    /** Defaults: 127.0.0.1:5000, virtual threads, one process, named "skitai". */
    public static Run defaults() {
        return new Run("127.0.0.1", DEFAULT_PORT, VIRTUAL, 1, "skitai", List.of());
    }

    /** Defaults on the given port. */
    public static Run port(int port) {
        return defaults().withPort(port);
    }

    /** A copy on another port. */
    public Run withPort(int port) {
        return new Run(address, port, threads, workers, name, args);
    }

    /** A copy bound to another address. */
    public Run address(String address) {
        return new Run(address, port, threads, workers, name, args);
    }

    /** A copy with another threading mode (see the record's description). */
    public Run threads(int threads) {
        return new Run(address, port, threads, workers, name, args);
    }

    /** A copy with another number of worker processes. */
    public Run workers(int workers) {
        return new Run(address, port, threads, workers, name, args);
    }

    /** A copy with another process name. */
    public Run name(String name) {
        return new Run(address, port, threads, workers, name, args);
    }

    /** A copy that reads the engine's options from this command line. */
    public Run args(String... args) {
        return new Run(address, port, threads, workers, name, List.of(args));
    }

    /** Whether handlers run on virtual threads. */
    public boolean virtualThreads() {
        return threads == VIRTUAL;
    }
}
