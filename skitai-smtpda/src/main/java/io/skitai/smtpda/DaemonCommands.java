package io.skitai.smtpda;

import io.skitai.core.daemon.Daemon;
import io.skitai.core.daemon.DaemonSpec;
import io.skitai.core.daemon.JavaCommand;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code start}, {@code stop} and {@code restart} through the engine's daemon support
 * ({@link Daemon}): the daemon is this program again, in the foreground, detached, with its pid
 * file and {@code stdout.log}/{@code stderr.log} in {@code <spool>/run}, so each spool has its own.
 */
final class DaemonCommands {

    static final String NAME = "smtpda";

    private DaemonCommands() {}

    static int run(String command, SmtpdaConfig config, List<String> foregroundArgs, PrintStream out, PrintStream err) {
        return daemon(config, foregroundArgs).control(command, out, err);
    }

    /** The daemon controller for a spool; {@code foregroundArgs} are the options without the command. */
    static Daemon daemon(SmtpdaConfig config, List<String> foregroundArgs) {
        Path spool = config.spool().toAbsolutePath().normalize();
        List<String> args = new ArrayList<>(foregroundArgs);
        args.add("--spool=" + spool);  // the daemon may resolve a relative spool elsewhere; the last one wins
        // stop waits for the message in delivery: at most a connect and a few reads
        Duration stop = config.timeout().multipliedBy(3).plusSeconds(10);
        return Daemon.of(DaemonSpec.of(NAME, JavaCommand.current(args))
                .withRunDirectory(runDirectory(spool))
                .withStopTimeout(stop));
    }

    /** Where a spool's daemon keeps its pid file and logs. */
    static Path runDirectory(Path spool) {
        return spool.toAbsolutePath().normalize().resolve("run");
    }
}
