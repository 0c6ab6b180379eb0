package io.skitai.testkit.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The last lines of a log file, for failure messages. */
public final class OutputTail {

    private static final int MAX_BYTES = 8 * 1024;

    private OutputTail() {}

    /** At most the last {@code lines} lines (and 8 KiB) of the file; a note when it is empty or unreadable. */
    public static String of(Path file, int lines) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long length = f.length();
            if (length == 0) {
                return "    (no output)";
            }
            int size = (int) Math.min(length, MAX_BYTES);
            byte[] bytes = new byte[size];
            f.seek(length - size);
            f.readFully(bytes);
            String[] all = new String(bytes, StandardCharsets.UTF_8).split("\r?\n");
            StringBuilder out = new StringBuilder();
            for (int i = Math.max(0, all.length - lines); i < all.length; i++) {
                out.append("    ").append(all[i]).append('\n');
            }
            return out.toString();
        } catch (IOException e) {
            return "    (cannot read " + file + ": " + e + ")";
        }
    }
}
