package io.skitai.examples.fanout;

import io.skitai.atila.Atila;
import io.skitai.core.ArgOpt;
import io.skitai.core.Proto;
import io.skitai.core.Run;
import io.skitai.core.ServerBuilder;
import io.skitai.core.Skitai;
import io.skitai.core.SkitaiServer;
import io.skitai.core.UpstreamClient;
import java.time.Duration;
import java.util.List;

/**
 * A page that calls three upstream services in parallel and renders what they said.
 *
 * <pre>
 * java -jar examples/fanout/target/fanout.jar --skitai-port=5000
 *     # also starts the three stand-in services (50 ms each) on a free port of 127.0.0.1
 * java -jar examples/fanout/target/fanout.jar --skitai-port=5000 --upstreams=10.0.0.1:8080,10.0.0.2:8080,10.0.0.3:8080
 *     # calls /weather, /news and /quote on those three servers
 *     # (--pool=N: at most N connections to each, default 256)
 * java -jar examples/fanout/target/fanout.jar --backend --skitai-port=5001 [--delay=50]
 *     # serves only the stand-in services
 * </pre>
 */
public final class FanoutApp {

    private FanoutApp() {}

    /** The app, ready to mount. */
    public static Atila app() {
        return Atila.create().register(new Dashboard());
    }

    public static void main(String[] args) {
        ArgOpt opts = Skitai.argopt(args, "", "upstreams=", "backend", "delay=", "pool=");
        Duration delay = Duration.ofMillis(Long.parseLong(opts.get("delay").orElse("50")));
        if (opts.has("backend")) {
            Backends.mount(Skitai.config(), delay);
            Skitai.run(Run.port(5001).name("fanout-backends").args(args));
            return;
        }
        List<String> upstreams = opts.get("upstreams").map(u -> List.of(u.split(","))).orElse(List.of());
        if (upstreams.isEmpty()) {
            SkitaiServer backends = SkitaiServer.create(Backends.mount(ServerBuilder.create(), delay).build()).start(Run.port(0).address("127.0.0.1"));
            String member = "127.0.0.1:" + backends.port();
            upstreams = List.of(member, member, member);
        }
        if (upstreams.size() != 3) {
            System.err.println("fanout: --upstreams takes three host:port members, got " + upstreams);
            System.exit(2);
        }
        opts.get("pool").ifPresent(n -> Skitai.config().set(UpstreamClient.MAX_CONNECTIONS, Integer.parseInt(n)));
        Skitai.alias("@weather", Proto.HTTP, upstreams.get(0).strip());
        Skitai.alias("@news", Proto.HTTP, upstreams.get(1).strip());
        Skitai.alias("@quote", Proto.HTTP, upstreams.get(2).strip());
        Skitai.mount("/", app());
        Skitai.run(Run.port(5000).name("fanout").args(args));
    }
}
