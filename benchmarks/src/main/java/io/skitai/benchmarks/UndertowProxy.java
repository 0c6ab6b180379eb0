package io.skitai.benchmarks;

import io.undertow.Undertow;
import io.undertow.server.handlers.ResponseCodeHandler;
import io.undertow.server.handlers.proxy.LoadBalancingProxyClient;
import io.undertow.server.handlers.proxy.ProxyHandler;
import java.net.URI;

/**
 * The {@code undertow} row of {@code benchmarks/proxy.sh}: Undertow's own
 * {@link LoadBalancingProxyClient} under its {@link ProxyHandler}, as its documentation sets it
 * up, with 64 connections per IO thread and a queue for requests waiting for one (its default queue
 * is none: a request finding every connection busy would get a 503).
 *
 * <pre>java -cp benchmarks/target/skitai-benchmarks.jar io.skitai.benchmarks.UndertowProxy PORT UPSTREAM_PORT</pre>
 */
public final class UndertowProxy {

    private UndertowProxy() {}

    public static void main(String[] args) {
        LoadBalancingProxyClient client = new LoadBalancingProxyClient().addHost(URI.create("http://127.0.0.1:" + args[1]))
                .setConnectionsPerThread(64).setMaxQueueSize(10_000);
        Undertow.builder().addHttpListener(Integer.parseInt(args[0]), "127.0.0.1")
                .setHandler(ProxyHandler.builder().setProxyClient(client).setMaxRequestTime(30_000)
                        .setNext(ResponseCodeHandler.HANDLE_404).build())
                .build().start();
        System.out.println("undertow-proxy listening on 127.0.0.1:" + args[0]);
    }
}
