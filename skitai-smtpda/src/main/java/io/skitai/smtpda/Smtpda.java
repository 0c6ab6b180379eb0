package io.skitai.smtpda;

import io.skitai.core.daemon.Daemon;
import io.skitai.smtpda.internal.Arguments;
import io.skitai.smtpda.internal.IniFile;
import io.skitai.smtpda.internal.LogSetup;
import io.skitai.smtpda.internal.Messages;
import io.skitai.smtpda.internal.Settings;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The delivery daemon's command line ({@code java -jar skitai-smtpda.jar}):
 *
 * <pre>
 * java -jar skitai-smtpda.jar [start|stop|restart|status] [options]     (no command: foreground)
 *   --spool DIR             spool directory (default /tmp/skitai/smtpda)
 *   --smtp-server HOST:PORT server for messages that name none
 *   --user USER --password PASSWORD   its login
 *   --ssl | --starttls      TLS from the start, or upgraded with STARTTLS
 *   --max-retry N           retries before a message fails (default 10)
 *   --keep-days N           keep delivered and failed messages N days (default 1)
 *   --verbose               log every delivery
 *   --config FILE           settings file (default ~/.skitai.conf, section [smtpda])
 *   --poll-interval S, --retry-backoff S, --max-backoff S, --timeout S (seconds),
 *   --trust-store FILE, --trust-store-password P
 * </pre>
 *
 * The {@code [smtpda]} section of the config file takes the same names ({@code smtp-server = ...});
 * options on the command line win over the file. {@code status} prints running or stopped, the
 * pid and the queue counts, and exits 0 when running, 3 when stopped.
 */
public final class Smtpda {

    /** Exit status of {@code status} when no daemon runs (LSB: "program is not running"). */
    public static final int NOT_RUNNING = Daemon.NOT_RUNNING;

    private Smtpda() {}

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        int status = run(Arrays.asList(args), System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs a command line; returns the exit status. The foreground daemon returns when it is stopped. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Arguments a;
        SmtpdaConfig config;
        try {
            a = Arguments.parse(args);
            if (a.help()) {
                out.println(usage());
                return 0;
            }
            config = configure(a);
        } catch (IllegalArgumentException e) {
            err.println("smtpda: " + e.getMessage());
            return 2;
        }
        String command = a.command().orElse("foreground");
        return switch (command) {
            case "status" -> status(config, out);
            case "foreground" -> foreground(config, err);
            default -> DaemonCommands.run(command, config, a.rest(), out, err);
        };
    }

    /**
     * The configuration a command line describes: defaults, then the {@code [smtpda]} section of the
     * config file ({@code --config FILE}, else {@code ~/.skitai.conf} if it exists), then the options.
     *
     * @throws IllegalArgumentException naming the bad option or setting and where it came from
     */
    public static SmtpdaConfig configure(String... args) {
        return configure(Arguments.parse(Arrays.asList(args)));
    }

    private static SmtpdaConfig configure(Arguments a) {
        Settings settings = new Settings();
        Path file = a.configFile().orElse(Path.of(System.getProperty("user.home"), ".skitai.conf"));
        if (a.configFile().isPresent() || Files.exists(file)) {
            try {
                settings.putAll(IniFile.read(file).section("smtpda"), file.toString());
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException(Messages.configFile(file, "it does not exist"), e);
            } catch (IOException e) {
                throw new IllegalArgumentException(Messages.configFile(file, e.toString()), e);
            }
        }
        settings.putAll(a.settings(), "the command line");
        return settings.toConfig();
    }

    /** Delivers in this process until SIGTERM or Ctrl-C. */
    static int foreground(SmtpdaConfig config, PrintStream log) {
        LogSetup.to(log);
        DeliveryAgent agent;
        try {
            agent = DeliveryAgent.open(config);
        } catch (IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
            log.println("smtpda: " + e.getMessage());
            return 1;
        }
        Thread hook = new Thread(agent::close, "smtpda-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Daemon.notifyReady();
        agent.run();
        return 0;
    }

    /** Prints running/stopped, the pid and the queue counts; 0 when running, {@link #NOT_RUNNING} when stopped. */
    static int status(SmtpdaConfig config, PrintStream out) {
        if (!Files.isDirectory(config.spool())) {
            out.println("smtpda is not running (stopped)");
            out.println("spool: " + config.spool().toAbsolutePath() + " (does not exist yet)");
            return NOT_RUNNING;
        }
        Spool spool = Spool.at(config.spool());
        Optional<Long> pid = spool.daemonPid().or(() -> daemonPid(config));
        SpoolCounts c = spool.counts();
        out.println(pid.map(p -> "smtpda is running, pid " + p).orElse("smtpda is not running (stopped)"));
        out.println("spool: " + spool.directory());
        out.println("smtp-server: " + config.smtpServer().map(SmtpServer::toString).orElse("none"));
        out.println("pending: " + c.pending());
        out.println("retrying: " + c.retrying());
        out.println("sending: " + c.sending());
        out.println("failed: " + c.failed());
        out.println("sent: " + c.sent());
        out.println("quarantined: " + c.quarantined());
        return pid.isPresent() ? 0 : NOT_RUNNING;
    }

    /** A daemon started for this spool that has not taken the spool's lock (yet). */
    private static Optional<Long> daemonPid(SmtpdaConfig config) {
        try {
            return DaemonCommands.daemon(config, List.of()).running().map(ProcessHandle::pid);
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    static String usage() {
        return """
                usage: java -jar skitai-smtpda.jar [start|stop|restart|status] [options]
                  (no command runs in the foreground)
                  --spool DIR              spool directory (default %s)
                  --smtp-server HOST:PORT  server for messages that name none
                  --user USER              its login
                  --password PASSWORD      its password (better kept in the config file)
                  --ssl | --starttls       TLS from the start, or upgraded with STARTTLS
                  --max-retry N            retries before a message fails (default 10)
                  --keep-days N            days to keep delivered and failed messages (default 1)
                  --verbose                log every delivery
                  --config FILE            settings file (default ~/.skitai.conf, section [smtpda])
                  --poll-interval S        queue scan interval in seconds (default 1)
                  --retry-backoff S        first retry wait in seconds, doubled each retry (default 30)
                  --max-backoff S          longest retry wait in seconds (default 3600)
                  --timeout S              SMTP connect/read timeout in seconds (default 30)
                  --trust-store FILE       PKCS#12/JKS trust store for servers with a private CA
                  --trust-store-password P its password
                options on the command line win over the config file""".formatted(Spool.defaultDirectory());
    }
}
