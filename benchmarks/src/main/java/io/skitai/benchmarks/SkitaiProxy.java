package io.skitai.benchmarks;

import io.skitai.core.Proto;
import io.skitai.core.Run;
import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;

/**
 * The Skitai side of {@code benchmarks/proxy.sh}: {@code mount("/", "@up")}, a reverse proxy to
 * one upstream, on the defaults.
 *
 * <pre>java -cp benchmarks/target/skitai-benchmarks.jar io.skitai.benchmarks.SkitaiProxy PORT UPSTREAM_PORT</pre>
 */
public final class SkitaiProxy {

    private SkitaiProxy() {}

    public static void main(String[] args) {
        ServerBuilder config = ServerBuilder.create();
        config.alias("@up", Proto.HTTP, "127.0.0.1:" + args[1]);
        config.mount("/", "@up");
        SkitaiServer.create(config.build()).start(Run.port(Integer.parseInt(args[0])).address("127.0.0.1"));
        System.out.println("skitai-proxy listening on 127.0.0.1:" + args[0]);
    }
}
