package io.skitai.testkit.apps;

import io.skitai.core.ArgOpt;
import io.skitai.core.Run;
import io.skitai.core.Skitai;
import java.util.Map;

/**
 * A service the way a user writes one: mounts, then {@code Skitai.run} on port 5000. The testkit
 * runs it in a child JVM on another port.
 */
public final class GreeterMain {

    private GreeterMain() {}

    public static void main(String[] args) {
        ArgOpt opts = Skitai.argopt(args, "", "greeting=");
        String greeting = opts.get("--greeting").orElse("hello");
        Skitai.mount("/", ex -> {
            switch (ex.pathInfo()) {
                case "/info" -> ex.json(Map.of(
                        "pid", ProcessHandle.current().pid(),
                        "port", Skitai.server().port(),
                        "property", System.getProperty("greeter.flag", "")));
                default -> ex.send(greeting + " from the child JVM");
            }
        });
        Skitai.run(Run.port(5000).args(args));
    }
}
