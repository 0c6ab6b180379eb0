package io.skitai.smtpda.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The smtpda command line: an optional command ({@code start stop restart status}, or the engine's
 * {@code -d -s -r}), {@code --name value} / {@code --name=value} settings (see {@link Settings}),
 * {@code --config FILE} and {@code --help}.
 *
 * @param command    the command; empty runs in the foreground
 * @param settings   the settings given, by name
 * @param configFile the config file named with {@code --config}, if any
 * @param help       whether {@code --help} was given
 * @param rest       the arguments without the command (what a daemon runs in the foreground)
 */
public record Arguments(Optional<String> command, Map<String, String> settings, Optional<Path> configFile, boolean help,
        List<String> rest) {

    private static final Map<String, String> SHORT = Map.of("-d", "start", "-s", "stop", "-r", "restart");
    private static final List<String> COMMANDS = List.of("start", "stop", "restart", "status");

    /**
     * Parses {@code args}.
     *
     * @throws IllegalArgumentException for an unknown option or command, or a missing value
     */
    public static Arguments parse(List<String> args) {
        String command = null;
        Map<String, String> settings = new LinkedHashMap<>();
        Path config = null;
        boolean help = false;
        List<String> rest = new java.util.ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            int from = i;
            String a = args.get(i);
            if (a.equals("--help") || a.equals("-h")) {
                help = true;
            } else if (a.startsWith("--")) {
                int eq = a.indexOf('=');
                String name = a.substring(2, eq < 0 ? a.length() : eq);
                String value;
                if (eq >= 0) {
                    value = a.substring(eq + 1);
                } else if (Settings.FLAGS.contains(name)) {
                    value = "true";
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new IllegalArgumentException(Messages.badOption(a, "it needs a value: --" + name + "=VALUE"));
                }
                if (name.equals("config")) {
                    config = Path.of(value);
                } else if (Settings.NAMES.contains(name)) {
                    settings.put(name, value);
                } else {
                    throw new IllegalArgumentException(Messages.badOption("--" + name, "unknown; see --help"));
                }
            } else if (SHORT.containsKey(a) || COMMANDS.contains(a)) {
                if (command != null) {
                    throw new IllegalArgumentException(Messages.badOption(a, "give one command, not '" + command + "' and '" + a + "'"));
                }
                command = SHORT.getOrDefault(a, a);
                continue;
            } else {
                throw new IllegalArgumentException(Messages.unknownCommand(a));
            }
            rest.addAll(args.subList(from, i + 1));
        }
        return new Arguments(Optional.ofNullable(command), Map.copyOf(settings), Optional.ofNullable(config), help,
                List.copyOf(rest));
    }
}
