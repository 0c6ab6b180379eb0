package io.skitai.testkit.apps;

import io.skitai.core.Run;
import io.skitai.core.SkitaiServer;
import java.util.Map;

/** A program that runs its workers from a {@link SkitaiServer} instance, not through the facade. */
public final class InstanceWorkersMain {

    private InstanceWorkersMain() {}

    public static void main(String[] args) {
        SkitaiServer server = SkitaiServer.create(config -> config.mount("/", ex -> ex.json(Map.of(
                "pid", ProcessHandle.current().pid(), "worker", System.getProperty("skitai.worker", "M")))));
        System.exit(server.runMain(Run.port(5000).name("instance").args(args)));
    }
}
