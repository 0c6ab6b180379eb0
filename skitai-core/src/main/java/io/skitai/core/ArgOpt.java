package io.skitai.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The app's own command-line options and arguments, getopt-style, after the engine has taken its
 * {@code --skitai-*} options and daemon words out (see {@link Skitai#argopt}).
 *
 * @param options   the options in order, e.g. {@code ("-f", "x.conf")} or {@code ("--debug", "")}
 * @param arguments the remaining positional arguments
 */
public record ArgOpt(List<Option> options, List<String> arguments) {

    /** One option and its value ({@code ""} for a flag). */
    public record Option(String name, String value) {}

    /** Freezes the lists. */
    public ArgOpt {
        options = List.copyOf(options);
        arguments = List.copyOf(arguments);
    }

    /**
     * The value of the last occurrence of an option: {@code "-f"} or {@code "--origin"}, or without
     * the dashes ({@code "f"} means {@code "-f"}, {@code "origin"} means {@code "--origin"}).
     */
    public Optional<String> get(String name) {
        String dashed = name.startsWith("-") ? name : (name.length() == 1 ? "-" : "--") + name;
        Optional<String> found = Optional.empty();
        for (Option o : options) {
            if (o.name().equals(dashed)) {
                found = Optional.of(o.value());
            }
        }
        return found;
    }

    /** Whether an option was given. */
    public boolean has(String name) {
        return get(name).isPresent();
    }

    /**
     * Parses like Python's getopt: {@code shortOpts} such as {@code "hf:"} (a colon marks a value),
     * {@code longOpts} such as {@code "debug"} or {@code "origin="}; option parsing stops at
     * {@code --} or the first positional argument.
     *
     * @throws IllegalArgumentException for an unknown option or a missing value
     */
    static ArgOpt parse(List<String> args, String shortOpts, List<String> longOpts) {
        List<Option> options = new ArrayList<>();
        int i = 0;
        while (i < args.size()) {
            String a = args.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (a.startsWith("--")) {
                String body = a.substring(2);
                int eq = body.indexOf('=');
                String name = eq < 0 ? body : body.substring(0, eq);
                if (longOpts.contains(name + "=")) {
                    if (eq >= 0) {
                        options.add(new Option("--" + name, body.substring(eq + 1)));
                    } else if (i + 1 < args.size()) {
                        options.add(new Option("--" + name, args.get(++i)));
                    } else {
                        throw new IllegalArgumentException("option --" + name + " requires a value");
                    }
                } else if (longOpts.contains(name) && eq < 0) {
                    options.add(new Option("--" + name, ""));
                } else {
                    throw new IllegalArgumentException("unknown option --" + name);
                }
            } else if (a.startsWith("-") && a.length() > 1) {
                for (int k = 1; k < a.length(); k++) {
                    char c = a.charAt(k);
                    int at = shortOpts.indexOf(c);
                    if (at < 0 || c == ':') {
                        throw new IllegalArgumentException("unknown option -" + c);
                    }
                    boolean takesValue = at + 1 < shortOpts.length() && shortOpts.charAt(at + 1) == ':';
                    if (!takesValue) {
                        options.add(new Option("-" + c, ""));
                        continue;
                    }
                    if (k + 1 < a.length()) {
                        options.add(new Option("-" + c, a.substring(k + 1)));
                    } else if (i + 1 < args.size()) {
                        options.add(new Option("-" + c, args.get(++i)));
                    } else {
                        throw new IllegalArgumentException("option -" + c + " requires a value");
                    }
                    break;
                }
            } else {
                break;
            }
            i++;
        }
        return new ArgOpt(options, args.subList(i, args.size()));
    }
}
