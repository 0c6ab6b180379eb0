package io.skitai.smtpda;

import java.io.PrintStream;
import java.util.List;

/** start, stop and restart: placeholder until the engine's daemon support is wired in. */
final class DaemonCommands {

    private DaemonCommands() {}

    static int run(String command, SmtpdaConfig config, List<String> args, PrintStream out, PrintStream err) {
        err.println("smtpda: '" + command + "' is not available yet; run without a command (foreground)");
        return 2;
    }
}
