package io.skitai.testkit.apps;

import io.skitai.core.Run;
import io.skitai.core.Skitai;
import java.util.List;
import java.util.Map;

/**
 * A server meant to run with several workers: every answer says which process gave it. With
 * {@code --critical} the CPU critical point is 30 % in 2 samples a second apart.
 */
public final class WorkersMain {

    private WorkersMain() {}

    public static void main(String[] args) {
        if (List.of(args).contains("--critical")) {
            Skitai.setWorkerCriticalPoint(30, 2, 1);
        }
        Skitai.defgs("hits");
        Skitai.mount("/", ex -> {
            switch (ex.pathInfo()) {
                case "/slow" -> {
                    Thread.sleep(Long.parseLong(ex.query("ms").orElse("2000")));
                    ex.send("slow done by " + ProcessHandle.current().pid());
                }
                case "/spin" -> {
                    long end = System.nanoTime() + Long.parseLong(ex.query("ms").orElse("3000")) * 1_000_000L;
                    long x = 0;
                    while (System.nanoTime() < end) {
                        x += System.nanoTime() % 7;
                    }
                    ex.send("spun " + x);
                }
                case "/status" -> ex.json(ex.server().status());
                default -> ex.json(Map.of("pid", ProcessHandle.current().pid(),
                        "worker", System.getProperty("skitai.worker", "M")));
            }
        });
        Skitai.run(Run.port(5000).name("wtest").args(args));
    }
}
