package io.skitai.core.internal.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shared values of the worker processes of one machine: a file per key in the instance directory
 * (named by the key's SHA-256, holding the expiry and the value), written to a temporary name and
 * moved into place, so every worker reads a whole value or none. Expired files are deleted when
 * read, and swept every 1000 writes.
 */
final class FileValues implements ValueStore {

    private static final int SWEEP_EVERY = 1000;

    private final Path dir;
    private final AtomicLong writes = new AtomicLong();

    FileValues(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        Path file = file(key);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length < Long.BYTES || ByteBuffer.wrap(bytes).getLong() <= System.currentTimeMillis()) {
            deleteQuietly(file);
            return Optional.empty();
        }
        return Optional.of(java.util.Arrays.copyOfRange(bytes, Long.BYTES, bytes.length));
    }

    @Override
    public void put(String key, byte[] value, Duration ttl) {
        long expires = System.currentTimeMillis() + ValueStore.millis(ttl);
        ByteBuffer out = ByteBuffer.allocate(Long.BYTES + value.length).putLong(expires).put(value);
        Path file = file(key);
        try {
            Path temp = Files.createTempFile(dir, ".value", ".tmp");
            Files.write(temp, out.array());
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (writes.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep();
        }
    }

    @Override
    public boolean remove(String key) {
        try {
            return Files.deleteIfExists(file(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void sweep() {
        long now = System.currentTimeMillis();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.value")) {
            for (Path f : files) {
                try (var in = Files.newInputStream(f)) {
                    byte[] head = in.readNBytes(Long.BYTES);
                    if (head.length < Long.BYTES || ByteBuffer.wrap(head).getLong() <= now) {
                        deleteQuietly(f);
                    }
                } catch (IOException gone) {
                    // another worker swept or replaced it
                }
            }
        } catch (IOException e) {
            // a failed sweep leaves expired files for the next one
        }
    }

    private Path file(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return dir.resolve(HexFormat.of().formatHex(digest) + ".value");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // another worker's sweep got there first
        }
    }
}
