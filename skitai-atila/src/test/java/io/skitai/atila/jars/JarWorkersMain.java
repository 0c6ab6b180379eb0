package io.skitai.atila.jars;

import io.skitai.core.Pref;
import io.skitai.core.Run;
import io.skitai.core.Skitai;
import java.nio.file.Path;
import java.util.Map;

/** A server that mounts the app jar named by {@code --jar=PATH} with the reloader on; {@code /pid} names the worker. */
public final class JarWorkersMain {

    private JarWorkersMain() {}

    public static void main(String[] args) {
        String jar = java.util.Arrays.stream(args).filter(a -> a.startsWith("--jar=")).findFirst().orElseThrow().substring(6);
        Skitai.mount("/pets", Path.of(jar)).pref(Pref.create().useReloader(true));
        Skitai.mount("/pid", ex -> ex.json(Map.of("pid", ProcessHandle.current().pid())));
        Skitai.run(Run.port(5000).name("jarworkers").args(args));
    }
}
