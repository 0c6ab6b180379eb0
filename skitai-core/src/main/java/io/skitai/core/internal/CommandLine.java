package io.skitai.core.internal;

import io.skitai.core.Run;
import io.skitai.core.StartupException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The engine's part of a command line: {@code --skitai-*} options override the {@link Run}, and
 * the daemon words ({@code start stop restart status -d -s -r}) are taken out; what remains is the
 * app's.
 *
 * @param run           the run options after the overrides
 * @param appArgs       the arguments left for the app
 * @param daemonCommand the daemon word given, if any
 * @param runDirectory  the run directory given with {@code --skitai-rundir=DIR}, if any
 */
public record CommandLine(Run run, List<String> appArgs, Optional<String> daemonCommand, Optional<Path> runDirectory) {

    private static final Set<String> DAEMON_WORDS = Set.of("start", "stop", "restart", "status", "-d", "-s", "-r");
    private static final String PREFIX = "--skitai-";
    private static final String RELOAD = PREFIX + "reload";

    /** Applies {@code args} to {@code base}. */
    public static CommandLine parse(Run base, List<String> args) {
        Run run = base;
        List<String> rest = new ArrayList<>();
        String daemon = null;
        Path runDirectory = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals(RELOAD) || a.startsWith(RELOAD + "=")) {
                continue;
            }
            if (a.startsWith(PREFIX)) {
                int eq = a.indexOf('=');
                String name = eq < 0 ? a : a.substring(0, eq);
                String value;
                if (eq >= 0) {
                    value = a.substring(eq + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new StartupException(Messages.badOption(a, "it needs a value, e.g. " + name + "=VALUE"));
                }
                if (name.equals(PREFIX + "rundir")) {
                    runDirectory = runDirectory(a, value);
                } else {
                    run = apply(run, name, value, a);
                }
            } else if (DAEMON_WORDS.contains(a)) {
                daemon = a;
            } else {
                rest.add(a);
            }
        }
        return new CommandLine(run, List.copyOf(rest), Optional.ofNullable(daemon), Optional.ofNullable(runDirectory));
    }

    /** The command line without its daemon words: what a daemon's own JVM is given. */
    public static List<String> withoutDaemonWords(List<String> args) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith(PREFIX) && !a.equals(RELOAD) && a.indexOf('=') < 0 && i + 1 < args.size()) {
                kept.add(a);
                kept.add(args.get(++i));
            } else if (!DAEMON_WORDS.contains(a)) {
                kept.add(a);
            }
        }
        return List.copyOf(kept);
    }

    /**
     * Whether {@code --skitai-reload} (or {@code --skitai-reload=true}) is given: the reloader
     * watches every mounted app jar (see {@code Pref.useReloader}).
     */
    public static boolean reloadRequested(List<String> args) {
        boolean on = false;
        for (String a : args) {
            if (a.equals(RELOAD)) {
                on = true;
            } else if (a.startsWith(RELOAD + "=")) {
                on = Boolean.parseBoolean(a.substring(RELOAD.length() + 1));
            }
        }
        return on;
    }

    private static Path runDirectory(String option, String value) {
        if (value.isBlank()) {
            throw new StartupException(Messages.badOption(option, "it needs a directory"));
        }
        return Path.of(value);
    }

    /** Only the app's arguments (nothing is validated). */
    public static List<String> appArguments(List<String> args) {
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith(PREFIX)) {
                if (a.indexOf('=') < 0 && !a.equals(RELOAD)) {
                    i++;
                }
            } else if (!DAEMON_WORDS.contains(a)) {
                rest.add(a);
            }
        }
        return rest;
    }

    private static Run apply(Run run, String name, String value, String option) {
        try {
            return switch (name.substring(PREFIX.length())) {
                case "port" -> run.withPort(Integer.parseInt(value));
                case "address" -> run.address(value);
                case "threads" -> run.threads(Integer.parseInt(value));
                case "workers" -> run.workers(Integer.parseInt(value));
                case "name" -> run.name(value);
                default -> throw new StartupException(Messages.badOption(option,
                        "unknown; the engine knows --skitai-port, --skitai-address, --skitai-threads, --skitai-workers,"
                                + " --skitai-name, --skitai-rundir, --skitai-reload"));
            };
        } catch (NumberFormatException e) {
            throw new StartupException(Messages.badOption(option, "'" + value + "' is not a number"), e);
        } catch (IllegalArgumentException e) {
            throw new StartupException(Messages.badOption(option, e.getMessage()), e);
        }
    }
}
