package io.skitai.was.apps;

import io.skitai.core.Run;
import io.skitai.core.Skitai;
import io.skitai.was.SessionConfig;
import io.skitai.was.Was;
import java.time.Duration;
import java.util.Map;

/**
 * Sessions and revocable tokens across worker processes: every answer names the worker's pid. With
 * {@code --cookie} sessions live in the cookie instead of the shared values.
 */
public final class SessionWorkersMain {

    public static final String SECRET = "session-secret-for-the-workers-test-0123456789";

    private SessionWorkersMain() {}

    public static void main(String[] args) {
        boolean inCookie = java.util.List.of(args).contains("--cookie");
        Skitai.set(SessionConfig.SETTING, (inCookie ? SessionConfig.cookie(SECRET) : SessionConfig.shared(SECRET)).secureCookie(false));
        Skitai.mount("/", ex -> {
            Was was = Was.current();
            long pid = ProcessHandle.current().pid();
            switch (ex.pathInfo()) {
                case "/put" -> {
                    was.session().put(ex.query("k").orElseThrow(), ex.query("v").orElseThrow());
                    ex.json(Map.of("pid", pid, "id", was.session().id()));
                }
                case "/get" -> ex.json(Map.of("pid", pid, "values", was.session().get(ex.query("k").orElseThrow()).orElse("-")));
                case "/mktoken" -> ex.json(Map.of("pid", pid, "token", was.mktoken(Map.of("user", "ann"), Duration.ofMinutes(5))));
                case "/detoken" -> ex.json(Map.of("pid", pid, "claims", was.detoken(ex.query("t").orElseThrow()).map(Object.class::cast).orElse("-")));
                case "/rmtoken" -> ex.json(Map.of("pid", pid, "removed", was.rmtoken(ex.query("t").orElseThrow())));
                default -> ex.json(Map.of("pid", pid));
            }
        });
        Skitai.run(Run.port(5000).name("sessions").args(args));
    }
}
