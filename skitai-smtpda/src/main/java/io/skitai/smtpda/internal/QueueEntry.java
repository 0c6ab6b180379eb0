package io.skitai.smtpda.internal;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A queued message as its file name tells it: {@code <id>.<failed attempts>.<due epoch ms>.msg}.
 * The delivery state lives in the name, so one atomic rename changes it.
 *
 * @param file     the file
 * @param id       the spool id
 * @param attempts how many attempts failed so far
 * @param due      not to be tried before this time, epoch milliseconds
 */
public record QueueEntry(Path file, String id, int attempts, long due) {

    private static final Pattern NAME = Pattern.compile("([0-9]{13}-[0-9a-f]{16})\\.([0-9]{1,4})\\.([0-9]{1,19})\\.msg");

    /** The entry for a file in {@code queue/} or {@code sending/}, or empty if the name is not one of ours. */
    public static Optional<QueueEntry> parse(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new QueueEntry(file, m.group(1), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The file name for a state. */
    public static String name(String id, int attempts, long due) {
        return id + "." + attempts + "." + due + ".msg";
    }

    /** Whether {@code id} has the shape of a spool id. */
    static boolean isId(String id) {
        return NAME.matcher(name(id, 0, 0)).matches();
    }
}
