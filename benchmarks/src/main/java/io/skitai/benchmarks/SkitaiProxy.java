package io.skitai.benchmarks;

import io.skitai.core.Proto;
import io.skitai.core.Run;
import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;

/**
 * The Skitai side of {@code benchmarks/proxy.sh}: {@code mount("/", "@up")}, a reverse proxy to
 * one upstream, on the defaults; with a secret, behind the API gateway (HS256 JWTs). With
 * {@code --token SECRET} it prints a token for that gateway and exits.
 *
 * <pre>java -cp benchmarks/target/skitai-benchmarks.jar io.skitai.benchmarks.SkitaiProxy PORT UPSTREAM_PORT [SECRET]</pre>
 */
public final class SkitaiProxy {

    private SkitaiProxy() {}

    public static void main(String[] args) {
        if (args[0].equals("--token")) {
            System.out.println(io.skitai.core.Jwt.hs256(args[1], java.util.Map.of("sub", "bench", "roles", java.util.List.of("user")),
                    java.time.Duration.ofHours(1)));
            return;
        }
        ServerBuilder config = ServerBuilder.create();
        config.alias("@up", Proto.HTTP, "127.0.0.1:" + args[1]);
        config.mount("/", "@up");
        if (args.length > 2) {
            config.enableGateway(io.skitai.core.Gateway.hs256(args[2]));
        }
        SkitaiServer.create(config.build()).start(Run.port(Integer.parseInt(args[0])).address("127.0.0.1"));
        System.out.println("skitai-proxy listening on 127.0.0.1:" + args[0]);
    }
}
